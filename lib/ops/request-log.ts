import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * One JSON line per request on stdout (scripts/serve.ts): request id, method, route, status, duration and
 * instance — never the query string, headers, cookies or body, where codes, phone numbers and ID numbers
 * travel. Path segments that could carry such values (long digit runs, tokens) are replaced by placeholders.
 */
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The path with the query dropped and value-carrying segments masked: /reset/:token, /x/:num. */
export function routeOf(url: string | undefined): string {
  const pathname = (url ?? "/").split(/[?#]/, 1)[0] || "/";
  return pathname
    .split("/")
    .map((segment) => {
      if (/\d{6,}/.test(segment) || /%/.test(segment)) return ":num";
      if (/^[A-Za-z0-9_-]{20,}$/.test(segment) && !segment.startsWith("_")) return ":id";
      return segment;
    })
    .join("/")
    .slice(0, 200);
}

/** The balancer's request id when it sends a sane one (nginx $request_id), else a new one. */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers["x-request-id"];
  return typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

export function logRequests(
  req: IncomingMessage,
  res: ServerResponse,
  instance: string,
  write: (line: string) => void = (line) => process.stdout.write(line + "\n"),
): string {
  const started = process.hrtime.bigint();
  const requestId = requestIdOf(req);
  req.headers["x-request-id"] = requestId;
  res.setHeader("x-request-id", requestId);
  let logged = false;
  const log = () => {
    if (logged) return;
    logged = true;
    write(
      JSON.stringify({
        time: new Date().toISOString(),
        level: res.statusCode >= 500 ? "error" : "info",
        msg: "request",
        requestId,
        method: req.method,
        route: routeOf(req.url),
        status: res.writableFinished ? res.statusCode : 499,
        durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        instance,
      }),
    );
  };
  res.once("finish", log);
  res.once("close", log);
  return requestId;
}
