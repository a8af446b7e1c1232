/**
 * What every service returns. Messages are i18n keys (with optional params) so each caller shows them in
 * the reader's language; fieldErrors are keyed by form field name.
 */
export type Message = { key: string; params?: Record<string, string | number> };
export type FieldErrors = Record<string, Message>;

export type Result<T> = { ok: true; value: T } | { ok: false; error?: Message; fieldErrors?: FieldErrors };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export function fail(key: string, params?: Message["params"]): { ok: false; error: Message } {
  return { ok: false, error: { key, params } };
}

export function fieldFail(
  fieldErrors: FieldErrors,
  error?: Message,
): { ok: false; fieldErrors: FieldErrors; error?: Message } {
  return { ok: false, fieldErrors, error };
}

/** Expected, user-facing failures thrown deep inside a service (the rest are bugs and are logged). */
export class AuthorizationError extends Error {
  constructor() {
    super("not authorised");
  }
}
export class NotFoundError extends Error {
  constructor() {
    super("not found");
  }
}
