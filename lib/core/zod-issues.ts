import type { z } from "zod";
import type { FieldErrors } from "./result";

type Issue = z.core.$ZodIssue;

/**
 * The one mapping from zod issues to form field errors (i18n keys): the first issue of each top-level field
 * wins; its key comes from `keys` — per field, or computed from the issue — else the fallback.
 */
export function fieldErrorsFrom(
  error: z.ZodError,
  keys: Record<string, string> | ((issue: Issue, field: string) => string | undefined) = {},
  fallback = "admin.errors.invalid",
): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (out[field]) continue;
    const key = typeof keys === "function" ? keys(issue, field) : keys[field];
    out[field] = { key: key ?? fallback };
  }
  return out;
}
