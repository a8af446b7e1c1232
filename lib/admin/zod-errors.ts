import type { z } from "zod";
import type { FieldErrors } from "@/lib/core/result";

/**
 * Maps a zod error to form field errors with i18n keys: the first issue of each top-level field wins and
 * the field's key comes from `keys` (fallback for fields without their own message).
 */
export function fieldErrorsFrom(
  error: z.ZodError,
  keys: Record<string, string>,
  fallback = "admin.errors.invalid",
): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (!out[field]) out[field] = { key: keys[field] ?? fallback };
  }
  return out;
}
