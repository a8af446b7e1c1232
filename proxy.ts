import { NextResponse, type NextRequest } from "next/server";
import { allowedOrigins } from "./lib/core/allowed-origins";
import { bodyRefusal } from "./lib/security/body-limits";

/**
 * CSRF defence for every state-changing request (server actions and route handlers alike): it must come
 * from this origin. Requests without an Origin header are refused (which requests the proxy sees: below). /api/v1 uses bearer tokens, not
 * cookies, so it is exempt. Authorization is NOT decided here: every page, action and handler checks again.
 */
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export function proxy(request: NextRequest) {
  if (SAFE.has(request.method) || request.nextUrl.pathname.startsWith("/api/v1/")) return NextResponse.next();
  const origin = request.headers.get("origin");
  const allowed = allowedOrigins({
    origin: request.nextUrl.origin,
    host: request.headers.get("host"),
    publicUrl: process.env.NEXTAUTH_URL,
  });
  if (!origin || !allowed.has(origin)) {
    return new NextResponse(JSON.stringify({ error: "cross-origin request refused" }), {
      status: 403,
      headers: { "content-type": "application/json" },
    });
  }
  // Body size by page, judged from the declared length before anything is read (lib/security/body-limits.ts)
  const tooLarge = bodyRefusal(request.nextUrl.pathname, request.headers);
  if (tooLarge) {
    return new NextResponse(JSON.stringify({ error: "request body too large", limitBytes: tooLarge.limit }), {
      status: tooLarge.status,
      headers: { "content-type": "application/json", connection: "close" },
    });
  }
  return NextResponse.next();
}

// Which requests the proxy sees. Next runs it for every request its matcher matches, and running it cost
// 4.6 % of /record's CPU when it saw every page load (docs/performance.md): so it sees only
// the requests that can change something. Every request a browser sends from another site to change state
// carries Origin, every request with a body carries Content-Length or Transfer-Encoding, and a server
// action's carries Next-Action; one entry per header (an entry's conditions must all hold). A page load or
// an RSC fetch of this site has none of them, and the proxy would let it through anyway (SAFE). What is
// left out is a request without a body that no browser sent from another site: nothing for CSRF to use.
// Left out: the roster upload route (it streams its 64 MB body to disk and checks the origin itself,
// lib/security/same-origin.ts), and the form posts of the pages with large files (their bodies would be
// copied for the proxy; the framework caps them and checks their origin) — lib/security/body-limits.ts.
// Keep the page list in step with FILE_FORM_PAGES there (tests/unit/security/body-limits.test.ts checks).
export const config = {
  matcher: [
    {
      source:
        "/((?!_next/static|_next/image|favicon.ico|registrar/import/upload|record/report|registrar/corrections|college/corrections|registrar/graduation-lock).*)",
      has: [{ type: "header", key: "origin" }],
    },
    {
      source:
        "/((?!_next/static|_next/image|favicon.ico|registrar/import/upload|record/report|registrar/corrections|college/corrections|registrar/graduation-lock).*)",
      has: [{ type: "header", key: "content-length" }],
    },
    {
      source:
        "/((?!_next/static|_next/image|favicon.ico|registrar/import/upload|record/report|registrar/corrections|college/corrections|registrar/graduation-lock).*)",
      has: [{ type: "header", key: "transfer-encoding" }],
    },
    {
      source:
        "/((?!_next/static|_next/image|favicon.ico|registrar/import/upload|record/report|registrar/corrections|college/corrections|registrar/graduation-lock).*)",
      has: [{ type: "header", key: "next-action" }],
    },
    {
      source: "/(record/report|registrar/corrections|college/corrections|registrar/graduation-lock)(.*)",
      has: [{ type: "header", key: "origin" }],
      missing: [{ type: "header", key: "next-action" }],
    },
    {
      source: "/(record/report|registrar/corrections|college/corrections|registrar/graduation-lock)(.*)",
      has: [{ type: "header", key: "content-length" }],
      missing: [{ type: "header", key: "next-action" }],
    },
    {
      source: "/(record/report|registrar/corrections|college/corrections|registrar/graduation-lock)(.*)",
      has: [{ type: "header", key: "transfer-encoding" }],
      missing: [{ type: "header", key: "next-action" }],
    },
  ],
};
