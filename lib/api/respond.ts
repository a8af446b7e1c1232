import type { z } from "zod";

/** Every API error has this shape: a readable `error`, a stable `code`, and per-field messages when relevant. */
export type ApiErrorBody = { error: string; code: string; fieldErrors?: Record<string, string> };

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), { status, headers: { ...JSON_HEADERS, ...headers } });
}

export function apiError(
  status: number,
  code: string,
  error: string,
  fieldErrors?: Record<string, string>,
  headers: Record<string, string> = {},
): Response {
  const body: ApiErrorBody = fieldErrors ? { error, code, fieldErrors } : { error, code };
  return json(body, status, headers);
}

/** zod issues keyed by their path ("records.3.idNumber"), first message per path. */
export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "body";
    out[path] ??= issue.message;
  }
  return out;
}
