import "server-only";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { StaffActor, StudentActor } from "./actor";
import { requireStaff, requireStudent } from "./current";
import type { Permission } from "./policy";
import { formError, formValues, toFormState, type FormState } from "@/lib/core/form-state";
import type { Result } from "@/lib/core/result";
import { fieldErrorsFrom } from "@/lib/core/zod-issues";

type Options<Input, T, D> = {
  /**
   * What the form shows when the input does not fit the schema: one message key, or field errors from the
   * zod issues (per-field keys, a fallback key, and optionally a message above the form).
   */
  invalid: string | { fields?: Parameters<typeof fieldErrorsFrom>[1]; fallback: string; error?: string };
  /** form state of a success (default: status "success") */
  onOk?: (value: T) => FormState<D>;
  /** paths to revalidate after the service ran (success or refusal) */
  revalidate?: (input: Input) => string[];
  /** echo the typed values back into the form (default: yes, never passwords) */
  echo?: boolean;
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
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
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
    return toFormState<T, D>(t, result, values, options.onOk ?? (() => ({ status: "success" })));
  };
}

/** A staff form's action: signed-in staff holding `permission` (else the usual redirect / forbidden). */
export function staffAction<S extends z.ZodType, T, D = unknown>(
  permission: Permission,
  schema: S,
  run: (actor: StaffActor, input: z.infer<S>) => Promise<Result<T>>,
  options: Options<z.infer<S>, T, D>,
): Action<D> {
  return chain(() => requireStaff(permission), schema, run, options);
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
