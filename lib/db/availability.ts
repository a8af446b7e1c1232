/**
 * Whether the database was unreachable a moment ago. The PostgreSQL connections (lib/db/pg-pool.ts) note
 * every connection-level failure here; scripts/serve.ts then answers an error page rendered in that window
 * as 503 with Retry-After (the app's error page says "please try again") instead of 500. Kept on globalThis
 * under a registry symbol: the server and Next's bundled copy of this module share one process.
 */
const KEY = Symbol.for("xueji.database-unavailable-at");
type Holder = { [KEY]?: number };

/** How long after the last failure an error page still counts as caused by the outage. */
export const UNAVAILABLE_WINDOW_MS = 15_000;

/** PostgreSQL SQLSTATEs of a connection that is gone or refused, and Node's socket errors. */
const CONNECTION_CODES = new Set([
  "57P01", // admin_shutdown (server stopping)
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up / shutting down)
  "53300", // too_many_connections
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
const CONNECTION_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /the database system is (shutting down|starting up|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  /is not currently accepting connections/i,
];

/** True for an error (or an error it wraps) that says the database cannot be reached right now. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === "string" && CONNECTION_CODES.has(code)) return true;
  if (typeof message === "string" && CONNECTION_MESSAGES.some((re) => re.test(message))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

/** Notes a failure if it is a connection-level one. */
export function noteDatabaseError(error: unknown): void {
  if (isDatabaseUnavailable(error)) (globalThis as Holder)[KEY] = Date.now();
}

export function databaseRecentlyUnavailable(now = Date.now()): boolean {
  const at = (globalThis as Holder)[KEY];
  return at !== undefined && now - at < UNAVAILABLE_WINDOW_MS;
}
