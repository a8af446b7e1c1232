/** 测试连接 as the admin reads it: discovery and JWKS checks, line by line in the admin's language. */
export type ConnectionReport = { ok: boolean; lines: { ok: boolean; text: string }[] };
