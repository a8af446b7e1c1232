import "server-only";

/**
 * The CSRF check for a state-changing route handler that the proxy does not see (proxy.ts applies the same
 * rule to everything else): the browser's Origin must be this site — the request's own origin, its Host,
 * or NEXTAUTH_URL. Requests without an Origin header are refused.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const allowed = new Set<string>([new URL(request.url).origin]);
  const host = request.headers.get("host");
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  if (process.env.NEXTAUTH_URL) allowed.add(new URL(process.env.NEXTAUTH_URL).origin);
  return allowed.has(origin);
}
