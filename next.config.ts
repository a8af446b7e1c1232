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
    serverActions: { bodySizeLimit: "65mb" },
    // Bodies up to this size pass (default 10 MB): a roster file may be 64 MB (lib/roster-import/jobs.ts).
    proxyClientMaxBodySize: "65mb",
    // forbidden() for signed-in people opening another role's area
    authInterrupts: true,
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
