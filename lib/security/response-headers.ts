/**
 * Content-Security-Policy of every page (docs/security.md). Without nonces (they would make every page
 * dynamic): Next's inline bootstrap scripts and inline styles need 'unsafe-inline' (Next's CSP guide,
 * "Without Nonces"); the development server also needs 'unsafe-eval'. Everything else is this origin only.
 * form-action: the sign-in pages post to the campus identity providers, whose origins the admin configures at
 * run time (a header fixed at build time cannot list them), so there any https: origin is allowed; all other
 * pages post to this origin only.
 */
export function contentSecurityPolicy(
  formAction: string,
  production = process.env.NODE_ENV === "production",
): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${production ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${formAction}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The headers of every answer: set by next.config.ts on what Next serves, and by scripts/serve.ts on what
 * it answers itself (lib/ops/direct-routes.ts).
 */
export function responseSecurityHeaders(production = process.env.NODE_ENV === "production") {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "same-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    { key: "Content-Security-Policy", value: contentSecurityPolicy("'self'", production) },
    // Production builds only; browsers ignore it over plain http (RFC 6797 §8.1), so a test server is unharmed.
    // No includeSubDomains: other hosts of the university may still serve http.
    ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=31536000" }] : []),
  ];
}
