import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { StaffActor, StudentActor } from "./actor";
import { requireStaff, requireStudent } from "./current";
import type { Permission } from "./policy";
import { formError, formValues, toFormState, type FormState } from "@/lib/core/form-state";
import type { FieldErrors, Result } from "@/lib/core/result";
import { fieldErrorsFrom } from "@/lib/core/zod-issues";

type Translate = Awaited<ReturnType<typeof getTranslations>>;

type Options<Input, T, D> = {
  /**
   * What the form shows when the input does not fit the schema: one message key, or field errors from the
   * zod issues (per-field keys, a fallback key, and optionally a message above the form).
   */
  invalid: string | { fields?: Parameters<typeof fieldErrorsFrom>[1]; fallback: string; error?: string };
  /** form state of a success (default: status "success"); `t` for a message built from the value */
  onOk?: (value: T, t: Translate) => FormState<D>;
  /** paths to revalidate after the service ran (success or refusal) */
  revalidate?: (input: Input) => string[];
  /** echo the typed values back into the form (default: yes, never passwords) */
  echo?: boolean;
  /** where to go after a success (a page of its own, e.g. the job just created); undefined: stay */
  redirect?: (value: T, input: Input) => string | undefined;
  /** what the schema parses (default: the form's fields, last value wins): repeated fields, files */
  form?: (formData: FormData) => unknown;
  /** fields whose bad value is shown at the field alone, before `invalid` (e.g. an unticked confirm box) */
  atField?: Record<string, string>;
  /** the field a refusal's message is shown at (an upload form shows errors at its file) */
  errorAt?: string;
};

type Action<D> = (prev: FormState<D>, formData: FormData) => Promise<FormState<D>>;

/**
 * One action chain: resolve the actor (`resolve`), parse the form with zod, call one service, map its
 * Result — a refusal of any kind, with its message and field errors — to translated form state.
 */
function chain<A, S extends z.ZodType, T, D>(
  resolve: () => Promise<A>,
  schema: S,
  run: (actor: A, input: z.infer<S>) => Promise<Result<T>>,
  options: Options<z.infer<S>, T, D>,
): Action<D> {
  return async (_prev, formData) => {
    const actor = await resolve();
    const t = await getTranslations();
    const values = options.echo === false ? {} : formValues(formData);
    const parsed = schema.safeParse(options.form ? options.form(formData) : Object.fromEntries(formData));
    if (!parsed.success) {
      const atField = fieldsAt(parsed.error, options.atField);
      if (atField) return formError<D>(t, { fieldErrors: atField }, values);
      const invalid = options.invalid;
      return typeof invalid === "string"
        ? formError<D>(t, { error: { key: invalid } }, values)
        : formError<D>(
            t,
            {
              fieldErrors: fieldErrorsFrom(parsed.error, invalid.fields, invalid.fallback),
              error: invalid.error ? { key: invalid.error } : undefined,
            },
            values,
          );
    }
    const result = await run(actor, parsed.data);
    for (const path of options.revalidate?.(parsed.data) ?? []) revalidatePath(path);
    if (!result.ok && options.errorAt) return refusalAt<D>(t, result, values, options.errorAt);
    const target = result.ok ? options.redirect?.(result.value, parsed.data) : undefined;
    if (target) redirect(target);
    return toFormState<T, D>(t, result, values, (v) => options.onOk?.(v, t) ?? { status: "success" });
  };
}

/** The `atField` fields that failed, each with its key; null when none of them did. */
function fieldsAt(error: z.ZodError, keys: Record<string, string> = {}): FieldErrors | null {
  const failed = error.issues.map((issue) => String(issue.path[0])).filter((field) => field in keys);
  return failed.length ? Object.fromEntries(failed.map((field) => [field, { key: keys[field] }])) : null;
}

/** A refusal with its message at one field (and above the form, for forms that show it there). */
function refusalAt<D>(
  t: Translate,
  result: Parameters<typeof formError>[1],
  values: Record<string, string>,
  field: string,
) {
  const state = formError<D>(t, result, values);
  return { ...state, fieldErrors: { [field]: state.error ?? "" } };
}

/**
 * A staff form's action: signed-in staff holding `permission` (else the usual redirect / forbidden); null when
 * the permission depends on what the service finds (it checks it).
 */
export function staffAction<S extends z.ZodType, T, D = unknown>(
  permission: Permission | null,
  schema: S,
  run: (actor: StaffActor, input: z.infer<S>) => Promise<Result<T>>,
  options: Options<z.infer<S>, T, D>,
): Action<D> {
  return chain(() => requireStaff(permission ?? undefined), schema, run, options);
}

/** A student form's action: a signed-in student (verified unless `allowPending`). */
export function studentAction<S extends z.ZodType, T, D = unknown>(
  schema: S,
  run: (actor: StudentActor, input: z.infer<S>) => Promise<Result<T>>,
  options: Options<z.infer<S>, T, D> & { allowPending?: boolean; next?: string },
): Action<D> {
  const { allowPending, next } = options;
  return chain(() => requireStudent({ allowPending, next }), schema, run, options);
}
