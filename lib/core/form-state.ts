import type { FieldErrors, Message, Result } from "./result";

/**
 * What a server action hands back to its form: translated messages (the action knows the reader's
 * language), the values typed so the form keeps them, and an optional success payload.
 */
export type FormState<T = unknown> = {
  status: "idle" | "error" | "success";
  error?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  data?: T;
  /**
   * The session ended while the form was open: nothing was sent, and the form offers signing in again in a
   * new window (`href`) so that what was typed stays on this page for a second submit; `page` is where a
   * form that shows no answer sends the whole page instead.
   */
  signIn?: { href: string; page: string; label: string; then: string };
};

export const idleForm: FormState = { status: "idle" };

/** A form's server action as React's useActionState calls it (pages hand it to their form as a prop). */
export type FormAction<D = unknown> = (prev: FormState<D>, formData: FormData) => Promise<FormState<D>>;

type Translate = (key: string, params?: Record<string, string | number>) => string;

export function translateFieldErrors(
  t: Translate,
  fieldErrors: FieldErrors | undefined,
): Record<string, string> | undefined {
  if (!fieldErrors) return undefined;
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, m]) => [field, t(m.key, m.params)]));
}

export function formError<T>(
  t: Translate,
  result: { error?: Message; fieldErrors?: FieldErrors },
  values?: Record<string, string>,
): FormState<T> {
  return {
    status: "error",
    error: result.error ? t(result.error.key, result.error.params) : undefined,
    fieldErrors: translateFieldErrors(t, result.fieldErrors),
    values,
  };
}

export function toFormState<T, D>(
  t: Translate,
  result: Result<T>,
  values: Record<string, string>,
  onOk: (value: T) => FormState<D>,
): FormState<D> {
  return result.ok ? onOk(result.value) : formError<D>(t, result, values);
}

/** Plain string values of a FormData (files dropped), for echoing back into the form. */
export function formValues(
  formData: FormData,
  omit: string[] = ["password", "confirmPassword"],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) {
    if (typeof v === "string" && !k.startsWith("$") && !omit.includes(k)) out[k] = v;
  }
  return out;
}

/** A form's fields for a schema to parse: one value per field, the `lists` (checkbox groups) as arrays. */
export function formFields(formData: FormData, lists: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(formData);
  for (const key of lists) out[key] = formData.getAll(key).filter((v) => typeof v === "string");
  return out;
}

/** formValues with the `lists` (checkbox groups) comma-joined, as the forms read them back. */
export function formValuesWithLists(
  formData: FormData,
  lists: string[],
  omit?: string[],
): Record<string, string> {
  const out = formValues(formData, omit);
  for (const key of lists) out[key] = formData.getAll(key).map(String).join(",");
  return out;
}
