/**
 * The production HTTP server (used by `npm start` and the e2e server instead of `next start`): Next's own
 * request handler behind a plain Node server that
 *   - refuses to start in production mode without its secrets and providers (lib/ops/production-check.ts);
 *   - records who is really calling. `next start` passes a client-sent X-Forwarded-For through untouched, so
 *     per-IP limits (captcha after 3 failures, recovery tries, SMS per IP) could either be dodged or — if
 *     such headers are ignored — would put every student in one bucket. Here the caller's address
 *     (lib/core/client-ip-header.ts) is written into `x-client-ip` on every request, replacing any value the
 *     client sent; so are X-Forwarded-Host / X-Forwarded-Proto (the request's own Host and plain HTTP,
 *     or with TRUST_PROXY=1 the proxy's values);
 *   - refuses server-action posts over their page's body limit with 413 (lib/security/oversized-action.ts);
 *   - does not compress next-auth's answers (/api/auth/*): a few bytes each (a redirect, a token, `{"url"}`)
 *     that Next would otherwise gzip, with a compressor set up per sign-in;
 *   - writes one JSON log line per request (lib/ops/request-log.ts);
 *   - serves the pages that are the same for every visitor who is not signed in from a cache of a few
 *     seconds (lib/ops/public-page-cache.ts);
 *   - hands the sign-in posts straight to the app's Node handler, past Next's router (lib/ops/direct-routes.ts).
 *   npx tsx scripts/serve.ts            PORT (3000) and HOSTNAME (0.0.0.0) from the environment
 */
import { createServer } from "node:http";
import next from "next";
import {
  CLIENT_IP_HEADER,
  CLIENT_IP_SERVER_FLAG,
  clientIpOf,
  forwardedOf,
} from "../lib/core/client-ip-header";
import { parseEnv } from "../lib/env-schema";
import { instanceName } from "../lib/ops/instance";
import { productionProblems } from "../lib/ops/production-check";
import { answerOversizedAction } from "../lib/security/oversized-action";
import { logRequests } from "../lib/ops/request-log";
import { answerOutageAs503 } from "../lib/core/outage-page";
import { servePublicPage } from "../lib/ops/public-page-cache";
import { directRouteFor } from "../lib/ops/direct-routes";
import { responseSecurityHeaders } from "../lib/security/response-headers";
import { formatAbortReasonStacks } from "../lib/ops/abort-reason-stacks";

const settings = parseEnv(process.env);
const problems = productionProblems(settings);
if (problems.length > 0) {
  console.error(`[serve] APP_MODE=production refuses to start (${problems.length} to fix):`);
  for (const p of problems) console.error(`[serve]   ${p}`);
  process.exit(78); // EX_CONFIG: a supervisor should not restart it in a loop (docs/operations.md)
}
const port = settings.PORT;
const hostname = settings.HOSTNAME;
const trustProxy = settings.TRUST_PROXY === "1";

async function main() {
  formatAbortReasonStacks(); // before Next loads React: renders must not keep the ones before them
  // Next runs the app in this process: the flag tells lib/core/request-meta.ts the header below is ours.
  process.env[CLIENT_IP_SERVER_FLAG] = "1";
  // next-auth's public URL: NEXTAUTH_URL when configured; otherwise the host of each request as written
  // below (its own fallback would be http://localhost:3000 whatever the port).
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST = "1";
  const app = next({ dev: false, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const instance = instanceName();
  const securityHeaders = responseSecurityHeaders();
  const server = createServer((req, res) => {
    req.headers[CLIENT_IP_HEADER] = clientIpOf(req.socket.remoteAddress, req.headers, trustProxy);
    // Replaced, never passed through: a client-sent X-Forwarded-Host would otherwise name the origin.
    const forwarded = forwardedOf(req.headers, trustProxy);
    req.headers["x-forwarded-host"] = forwarded.host;
    req.headers["x-forwarded-proto"] = forwarded.proto;
    if (req.url?.startsWith("/api/auth/")) delete req.headers["accept-encoding"];
    logRequests(req, res, instance);
    if (answerOversizedAction(req, res)) return;
    answerOutageAs503(req, res);
    const direct = directRouteFor(req);
    if (direct) {
      for (const { key, value } of securityHeaders) res.setHeader(key, value);
      direct(req, res).catch((error: unknown) => {
        console.error("[serve] direct route failed:", error instanceof Error ? error.message : String(error));
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
      return;
    }
    // A page that is the same for every visitor comes from the cache; when telling fails, it is rendered.
    servePublicPage(req, res).then(
      (served) => served || void handle(req, res),
      () => void handle(req, res),
    );
  });
  server.listen(port, hostname, () =>
    console.log(
      JSON.stringify({
        time: new Date().toISOString(),
        level: "info",
        msg: "listening",
        instance,
        mode: settings.APP_MODE,
        port,
      }),
    ),
  );
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
