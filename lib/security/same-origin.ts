import "server-only";
import { allowedOrigins } from "@/lib/core/allowed-origins";
import { env } from "@/lib/env";

/**
 * The CSRF check for a state-changing route handler that the proxy does not see: the same rule as
 * proxy.ts (lib/core/allowed-origins.ts) — the browser's Origin must be this site. Requests without an
 * Origin header are refused.
 */
export function isSameOrigin(request: Request): boolean {
  return isSameOriginPost(request.headers, new URL(request.url).origin);
}

/** The same rule from the request's headers and the origin it was addressed to (Node's own requests). */
export function isSameOriginPost(headers: Headers, requestOrigin: string): boolean {
  const origin = headers.get("origin");
  if (!origin) return false;
  return allowedOrigins({
    origin: requestOrigin,
    host: headers.get("host"),
    publicUrl: env().NEXTAUTH_URL,
  }).has(origin);
}
