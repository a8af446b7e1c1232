import "server-only";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { StaffActor, StudentActor } from "./actor";
import { requireStaff, requireStudent } from "./current";
import type { Permission } from "./policy";
import { formError, formValues, type FormState } from "@/lib/core/form-state";
import type { Failure, Result } from "@/lib/core/result";
import { fieldErrorsFrom } from "@/lib/core/zod-issues";

type Translate = (key: string, params?: Record<string, string | number>) => string;
/** What onOk / onFail get besides the service's answer: the translator, the parsed input, the echoed values. */
type Context<Input> = { t: Translate; input: Input; values: Record<string, string> };
type OkValue<R> = R extends { ok: true; value: infer T } ? T : never;
type Refusal<R> = Extract<R, { ok: false }>;

type Options<Input, R, D> = {
  /**
   * What the form shows when the input does not fit the schema: one message key, or field errors from the
   * zod issues (per-field keys, a fallback key, and optionally a message above the form).
   */
  invalid: string | { fields?: Parameters<typeof fieldErrorsFrom>[1]; fallback: string; error?: string };
  /** form state of a success (default: status "success"); may redirect */
  onOk?: (value: OkValue<R>, context: Context<Input>) => FormState<D>;
  /** form state of a refusal, from the default one (message and field errors), e.g. to add data it carries */
  onFail?: (failure: Refusal<R>, state: FormState<D>, context: Context<Input>) => FormState<D>;
  /** paths to revalidate after the service ran (success or refusal); `{ path, type }` for a layout */
  revalidate?: (input: Input) => (string | { path: string; type: "layout" | "page" })[];
  /**
   * echo the typed values back into the form (default: yes, never passwords); a function picks them
   * (e.g. checkbox groups comma-joined)
   */
  echo?: boolean | ((formData: FormData) => Record<string, string>);
  /** the object the schema parses (default: the form's fields; give one for repeated or computed fields) */
  input?: (formData: FormData) => unknown;
};

type Action<D> = (prev: FormState<D>, formData: FormData) => Promise<FormState<D>>;

/**
 * One action chain: resolve the actor (`resolve`), parse the form with zod, call one service, map its
 * Result — a refusal of any kind, with its message and field errors — to translated form state.
 */
function chain<A, S extends z.ZodType, R extends Result<unknown>, D>(
  resolve: () => Promise<A>,
  schema: S,
  run: (actor: A, input: z.infer<S>) => Promise<R>,
  options: Options<z.infer<S>, R, D>,
): Action<D> {
  return async (_prev, formData) => {
    const actor = await resolve();
    const t = await getTranslations();
    const { echo = true } = options;
    const values = echo === false ? {} : echo === true ? formValues(formData) : echo(formData);
    const raw = options.input ? options.input(formData) : Object.fromEntries(formData);
    const parsed = schema.safeParse(raw);
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
    const input = parsed.data;
    const result = await run(actor, input);
    for (const path of options.revalidate?.(input) ?? [])
      if (typeof path === "string") revalidatePath(path);
      else revalidatePath(path.path, path.type);
    const context: Context<z.infer<S>> = { t, input, values };
    if (result.ok)
      return options.onOk
        ? options.onOk((result as { value: OkValue<R> }).value, context)
        : { status: "success" };
    const state = formError<D>(t, result as Failure, values);
    return options.onFail ? options.onFail(result as Refusal<R>, state, context) : state;
  };
}

/**
 * A staff form's action: signed-in staff holding `permission` (else the usual redirect / forbidden); `null`
 * for any staff member, and `allowPasswordChange` for the one form open while a password change is due.
 */
export function staffAction<S extends z.ZodType, R extends Result<unknown>, D = unknown>(
  permission: Permission | null,
  schema: S,
  run: (actor: StaffActor, input: z.infer<S>) => Promise<R>,
  options: Options<z.infer<S>, R, D> & { allowPasswordChange?: boolean },
): Action<D> {
  const { allowPasswordChange } = options;
  return chain(() => requireStaff(permission ?? undefined, { allowPasswordChange }), schema, run, options);
}

/** A student form's action: a signed-in student (verified unless `allowPending`). */
export function studentAction<S extends z.ZodType, R extends Result<unknown>, D = unknown>(
  schema: S,
  run: (actor: StudentActor, input: z.infer<S>) => Promise<R>,
  options: Options<z.infer<S>, R, D> & { allowPending?: boolean; next?: string },
): Action<D> {
  const { allowPending, next } = options;
  return chain(() => requireStudent({ allowPending, next }), schema, run, options);
}

/**
 * For a plain `<form action>` whose answer is not shown (the page reloads from the revalidated data):
 * the same chain, its form state dropped.
 */
export function withoutState<D>(action: Action<D>): (formData: FormData) => Promise<void> {
  return async (formData) => {
    await action({ status: "idle" }, formData);
  };
}
