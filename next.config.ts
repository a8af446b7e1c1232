import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

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
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
