import type { FailureKind, Message } from "./message";

export type { FailureKind, Message } from "./message";

/**
 * What every service returns. Messages are i18n keys (with optional params) so each caller shows them in
 * the reader's language; fieldErrors are keyed by form field name.
 */
export type FieldErrors = Record<string, Message>;

export type Failure = { ok: false; kind?: FailureKind; error?: Message; fieldErrors?: FieldErrors };
export type Result<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export function fail(
  key: string,
  params?: Message["params"],
  kind?: FailureKind,
): { ok: false; kind?: FailureKind; error: Message } {
  return kind ? { ok: false, kind, error: { key, params } } : { ok: false, error: { key, params } };
}

/** A failure of a given kind: `refuse("conflict", "corrections.errors.alreadyDecided")`. */
export function refuse(
  kind: FailureKind,
  key: string,
  params?: Message["params"],
): { ok: false; kind: FailureKind; error: Message } {
  return { ok: false, kind, error: { key, params } };
}

export function fieldFail(
  fieldErrors: FieldErrors,
  error?: Message,
  kind?: FailureKind,
): { ok: false; kind?: FailureKind; fieldErrors: FieldErrors; error?: Message } {
  return kind ? { ok: false, kind, fieldErrors, error } : { ok: false, fieldErrors, error };
}

/** The kind of a failure; one without a kind is bad input. */
export function kindOf(failure: { kind?: FailureKind }): FailureKind {
  return failure.kind ?? "invalid";
}

export { AuthorizationError, NotFoundError } from "./refused";
