import "server-only";
import { headers } from "next/headers";

export type RequestMeta = { ip: string | null; userAgent: string | null };

/** Client IP (from X-Forwarded-For only behind a trusted proxy) and user agent of the current request. */
export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return metaFromHeaders(h);
}

export function metaFromHeaders(h: Headers): RequestMeta {
  const trustProxy = process.env.TRUST_PROXY === "1";
  // Client-supplied headers are only believed behind a trusted proxy; otherwise anyone could dodge per-IP limits.
  const forwarded = trustProxy
    ? h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip")
    : undefined;
  const ip = forwarded || "local";
  return { ip, userAgent: h.get("user-agent")?.slice(0, 300) ?? null };
}
