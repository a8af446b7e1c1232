import type { FailureKind } from "./message";

/** The one table from a failure's kind to the HTTP status a route handler answers with. */
export const FAILURE_STATUS: Record<FailureKind, number> = {
  invalid: 422,
  notFound: 404,
  conflict: 409,
  busy: 409,
  forbidden: 403,
  unauthorized: 401,
  rateLimited: 429,
  tooLarge: 413,
  unavailable: 503,
};

export function statusOf(failure: { kind?: FailureKind }): number {
  return FAILURE_STATUS[failure.kind ?? "invalid"];
}

/** Headers that go with a kind: a busy resource tells the client when to try again. */
export function headersOf(failure: { kind?: FailureKind }): Record<string, string> {
  return failure.kind === "busy" ? { "retry-after": "30" } : {};
}
