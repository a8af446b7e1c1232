import type { FormState } from "./form-state";

/** Bytes a form's post will carry, near enough: files by size, text fields by their UTF-8 length. */
export function formDataBytes(formData: FormData): number {
  let bytes = 0;
  for (const [key, value] of formData.entries())
    bytes += key.length + (typeof value === "string" ? new TextEncoder().encode(value).length : value.size);
  return bytes;
}

/**
 * Wraps a server action for `useActionState` in a form with files: a body over the page's limit
 * (lib/security/body-limits.ts) is not sent at all and the message sits at the file field; a post the
 * server refused anyway (413 from the proxy, a dropped connection) becomes a message instead of a crash.
 * Next's own redirects and not-found signals pass through.
 */
export function guardedAction<S extends FormState>(
  action: (prev: S, formData: FormData) => Promise<S>,
  options: { maxBytes: number; field: string; tooLarge: string; failed: string },
): (prev: S, formData: FormData) => Promise<S> {
  return async (prev, formData) => {
    if (formDataBytes(formData) > options.maxBytes)
      return {
        ...prev,
        status: "error",
        error: undefined,
        fieldErrors: { [options.field]: options.tooLarge },
      };
    try {
      return await action(prev, formData);
    } catch (error) {
      if (error && typeof error === "object" && "digest" in error) throw error;
      return {
        ...prev,
        status: "error",
        error: options.failed,
        fieldErrors: { [options.field]: options.failed },
      };
    }
  };
}
