import "server-only";
import { headers } from "next/headers";
import { CLIENT_IP_HEADER, CLIENT_IP_SERVER_FLAG } from "./client-ip-header";

export type RequestMeta = { ip: string | null; userAgent: string | null };

/** Client IP (as established by scripts/serve.ts) and user agent of the current request. */
export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return metaFromHeaders(h);
}

export function metaFromHeaders(h: Headers): RequestMeta {
  // Believed only under scripts/serve.ts, which overwrites whatever a client sent. Elsewhere (a bare
  // `next dev` / `next start`) every caller shares the one bucket "local": stricter, never looser.
  const fromServer = process.env[CLIENT_IP_SERVER_FLAG] === "1";
  const ip = (fromServer && h.get(CLIENT_IP_HEADER)?.trim()) || "local";
  return { ip, userAgent: h.get("user-agent")?.slice(0, 300) ?? null };
}
