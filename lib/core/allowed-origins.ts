/**
 * The origins a state-changing request may come from (proxy.ts): the origin Next parsed for this request,
 * its Host header under http and https, and the configured public URL (NEXTAUTH_URL) — which is how a site
 * behind a reverse proxy (TRUST_PROXY=1) names itself. X-Forwarded-Host is never consulted: any client can
 * send it, and believing it would let a forged request name its own origin as allowed.
 */
export function allowedOrigins(request: {
  origin: string;
  host: string | null;
  publicUrl?: string | undefined;
}): Set<string> {
  const origins = new Set<string>([request.origin]);
  if (request.host) {
    origins.add(`http://${request.host}`);
    origins.add(`https://${request.host}`);
  }
  if (request.publicUrl) {
    try {
      origins.add(new URL(request.publicUrl).origin);
    } catch {
      // a malformed NEXTAUTH_URL adds nothing
    }
  }
  return origins;
}
