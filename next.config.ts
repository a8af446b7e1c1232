import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const production = process.env.NODE_ENV === "production";

/**
 * Content-Security-Policy of every page (docs/security.md). Without nonces (they would make every page
 * dynamic): Next's inline bootstrap scripts and inline styles need 'unsafe-inline' (Next's CSP guide,
 * "Without Nonces"); the development server also needs 'unsafe-eval'. Everything else is this origin only.
 * form-action: the sign-in pages post to the campus identity providers, whose origins the admin configures at
 * run time (a header fixed at build time cannot list them), so there any https: origin is allowed; all other
 * pages post to this origin only.
 */
function csp(formAction: string): string {
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

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Content-Security-Policy", value: csp("'self'") },
  // Production builds only; browsers ignore it over plain http (RFC 6797 §8.1), so a test server is unharmed.
  // No includeSubDomains: other hosts of the university may still serve http.
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=31536000" }] : []),
];

/** Pages with 其他登录方式 / 统一身份认证 buttons, whose forms end at an identity provider. */
const SIGN_IN_PAGES = ["/login", "/staff/login", "/account"];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native and server-only packages stay outside the bundle.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@node-rs/argon2",
    "@napi-rs/canvas",
    "sharp",
    "exceljs",
    "nodemailer",
    "pg",
  ],
  experimental: {
    // The largest form body a page allows (correction evidence, 5 × 5 MB): the pages with files
    // (lib/security/body-limits.ts FILE_FORM_PAGES) rely on it; proxy.ts holds every other page to 1 MB.
    // The 64 MB roster goes to a route handler that streams it to disk and is not behind the proxy.
    serverActions: { bodySizeLimit: "26mb" },
    // What the framework copies of a body for the proxy (DEFAULT_BODY_LIMIT): posts the proxy sees are
    // at most this large (bigger ones are refused by their length), so a refused one costs at most 1 MB.
    proxyClientMaxBodySize: "1mb",
    // forbidden() for signed-in people opening another role's area
    authInterrupts: true,
  },
  async headers() {
    // A later entry setting the same header wins (Next's headers() docs), so sign-in pages get their own CSP.
    return [
      { source: "/:path*", headers: securityHeaders },
      ...SIGN_IN_PAGES.map((source) => ({
        source,
        headers: [{ key: "Content-Security-Policy", value: csp("'self' https:") }],
      })),
    ];
  },
};

export default withNextIntl(nextConfig);
