import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { contentSecurityPolicy as csp, responseSecurityHeaders } from "./lib/security/response-headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const production = process.env.NODE_ENV === "production";

const securityHeaders = responseSecurityHeaders(production);

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
