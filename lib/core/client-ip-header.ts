/**
 * Request header carrying the caller's address. scripts/serve.ts sets it on every request (overwriting
 * whatever a client sent under this name) and announces itself through CLIENT_IP_SERVER_FLAG, so the header
 * is believed only when that server is the one running.
 */
export const CLIENT_IP_HEADER = "x-client-ip";
export const CLIENT_IP_SERVER_FLAG = "XUEJI_CLIENT_IP_FROM_SERVER";

type RawHeaders = Record<string, string | string[] | undefined>;

/**
 * The caller's address: the socket's, or behind a trusted reverse proxy (TRUST_PROXY=1) the proxy's
 * X-Real-IP, else the last X-Forwarded-For hop (the one the proxy appended; earlier entries came from the
 * client and prove nothing).
 */
export function clientIpOf(socketIp: string | undefined, headers: RawHeaders, trustProxy: boolean): string {
  const fallback = socketIp ?? "unknown";
  if (!trustProxy) return fallback;
  const realIp = headers["x-real-ip"];
  if (typeof realIp === "string" && realIp.trim()) return realIp.trim();
  const hops = String(headers["x-forwarded-for"] ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  return hops.at(-1) ?? fallback;
}

/**
 * The host and scheme the browser used, for the X-Forwarded-Host / X-Forwarded-Proto headers scripts/serve.ts
 * writes (Next's server-action origin check and next-auth's public URL read them). Without a trusted proxy
 * a client-sent value proves nothing: the Host header and plain HTTP (serve.ts speaks no TLS). Behind one
 * (TRUST_PROXY=1) the proxy's first value.
 */
export function forwardedOf(
  headers: RawHeaders,
  trustProxy: boolean,
): { host: string; proto: "http" | "https" } {
  const first = (name: string) => {
    const raw = headers[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    return value?.split(",")[0]?.trim() || undefined;
  };
  const host = (trustProxy && first("x-forwarded-host")) || first("host") || "localhost";
  const proto = trustProxy && first("x-forwarded-proto") === "https" ? "https" : "http";
  return { host, proto };
}
