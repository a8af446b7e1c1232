import * as oidc from "openid-client";

/**
 * Why an external sign-in did not go through, as the person is told (sso.errors.<reason>). Details stay
 * in the server log; the page never shows a stack trace or a provider's raw error.
 */
export const FAILURE_REASONS = [
  "state_invalid",
  "unreachable",
  "not_configured",
  "provider_error",
  "denied",
  "token_invalid",
  "unbound",
  "unknown_staff",
  "staff_disabled",
  "locked",
  "cancelled",
  "already_bound_elsewhere",
  "session_changed",
  "tooMany",
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export const isFailureReason = (value: unknown): value is FailureReason =>
  typeof value === "string" && (FAILURE_REASONS as readonly string[]).includes(value);

/** openid-client's codes for an ID token (or token response) that failed a check. */
const TOKEN_CHECKS = new Set<string>([
  "OAUTH_JWT_CLAIM_COMPARISON_FAILED",
  "OAUTH_JWT_TIMESTAMP_CHECK_FAILED",
  "OAUTH_KEY_SELECTION_FAILED",
  "OAUTH_INVALID_RESPONSE",
  "OAUTH_PARSE_ERROR",
  "OAUTH_UNSUPPORTED_OPERATION",
]);

function networkFailure(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    if (e instanceof Error) {
      if (e.name === "TimeoutError" || e.name === "AbortError") return true;
      const clientCode = (e as { code?: unknown }).code;
      if (clientCode === "OAUTH_TIMEOUT" || clientCode === "OAUTH_ABORT") return true;
      if (e instanceof TypeError && /fetch failed/i.test(e.message)) return true;
      const code = (e as { code?: unknown }).code;
      if (
        typeof code === "string" &&
        /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|UND_ERR)/.test(code)
      )
        return true;
      e = (e as { cause?: unknown }).cause;
    } else break;
  }
  return false;
}

/** Sorts an error thrown by the OpenID Connect client into what the person is told. */
export function classifyClientError(error: unknown): FailureReason {
  if (networkFailure(error)) return "unreachable";
  if (error instanceof oidc.AuthorizationResponseError)
    return error.error === "access_denied" ? "denied" : "provider_error";
  if (error instanceof oidc.ResponseBodyError) return error.status >= 500 ? "unreachable" : "provider_error";
  const code = (error as { code?: unknown })?.code;
  if (typeof code === "string" && TOKEN_CHECKS.has(code)) return "token_invalid";
  if (error instanceof Error && /signature/i.test(error.message)) return "token_invalid";
  return "provider_error";
}

/** One line for the server log: the client's error code and message, never a token. */
export function describeClientError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const cause = (error as { cause?: unknown }).cause;
  const causeText = cause instanceof Error ? ` (cause: ${cause.name}: ${cause.message})` : "";
  return `${typeof code === "string" ? code + ": " : ""}${error.message}${causeText}`.slice(0, 500);
}

/** The reason inside a service's message key ("sso.errors.unreachable" → "unreachable"). */
export function reasonOfKey(key: string | undefined): FailureReason {
  const reason = key?.startsWith("sso.errors.") ? key.slice("sso.errors.".length) : undefined;
  return isFailureReason(reason) ? reason : "provider_error";
}
