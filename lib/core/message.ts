/** A user-facing message: an i18n key with optional params, shown in the reader's language by the caller. */
export type Message = { key: string; params?: Record<string, string | number> };

/**
 * What kind of refusal a failure is. Callers (actions, route handlers) branch on the kind — the HTTP
 * status comes from lib/core/failure-status.ts — never on the message key, which is for people.
 * A failure without a kind is "invalid" (bad input, the everyday case).
 */
export type FailureKind =
  | "invalid"
  | "notFound"
  | "conflict"
  | "busy"
  | "forbidden"
  | "unauthorized"
  | "rateLimited"
  | "tooLarge"
  | "unavailable";
