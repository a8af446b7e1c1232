import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { StaffActor, StudentActor } from "./actor";
import { getActor, requireStaff, requireStudent } from "./current";
import type { Permission } from "./policy";
import { formError, formValues, type FormAction, type FormState } from "@/lib/core/form-state";
import { requestMeta, type RequestMeta } from "@/lib/core/request-meta";
import type { Failure, FieldErrors, Result } from "@/lib/core/result";
import { fieldErrorsFrom } from "@/lib/core/zod-issues";

type Translate = Awaited<ReturnType<typeof getTranslations>>;

/** What the hooks below may look at besides the service's answer. */
export type ActionContext<D> = {
  t: Translate;
  prev: FormState<D>;
  formData: FormData;
  /** the typed values the form gets back (empty when `echo` is false) */
  values: Record<string, string>;
};

type Options<Input, T, D> = {
  /**
   * What the form shows when the input does not fit the schema: one message key, or field errors from the
   * zod issues (per-field keys, a fallback key, and optionally a message above the form).
   */
  invalid: string | { fields?: Parameters<typeof fieldErrorsFrom>[1]; fallback: string; error?: string };
  /**
   * form state of a success (default: status "success"); may be async, and may end in `redirect()` for
   * forms that move on after success
   */
  onOk?: (value: T, input: Input, context: ActionContext<D>) => FormState<D> | Promise<FormState<D>>;
  /**
   * adjusts the translated form state of a refusal, or of bad input (`input` undefined): data the form
   * keeps (a countdown, a new captcha, the step of a multi-step form), or a `redirect()`
   */
  onFail?: (
    state: FormState<D>,
    failure: Failure,
    context: ActionContext<D> & { input?: Input },
  ) => FormState<D> | Promise<FormState<D>>;
  /** paths to revalidate after the service ran (success or refusal); `{ path, type }` for a layout */
  revalidate?: (input: Input) => (string | { path: string; type: "layout" | "page" })[];
  /**
   * echo the typed values back into the form (default: yes, never passwords); or a function that picks
   * them (checkbox groups comma-joined, only the row an answer belongs to)
   */
  echo?: boolean | ((formData: FormData) => Record<string, string>);
  /** further fields never echoed (security answers, captcha answers, tickets) */
  secret?: string[];
  /**
   * how the form becomes the schema's input (default: each field's last value), possibly async: for
   * repeated fields and uploaded files
   */
  read?: (formData: FormData) => unknown | Promise<unknown>;
  /** fields whose bad value is shown at the field alone, before `invalid` (e.g. an unticked confirm box) */
  atField?: Record<string, string>;
  /** the field a refusal's message is shown at (an upload form shows errors at its file) */
  errorAt?: string;
};

/**
 * One action chain: resolve the actor (`resolve`), parse the form with zod, call one service, map its
 * Result — a refusal of any kind, with its message and field errors — to translated form state.
 */
function chain<A, S extends z.ZodType, T, D>(
  resolve: () => Promise<A | SignedOut>,
  schema: S,
  run: (actor: A, input: z.infer<S>) => Promise<Result<T>>,
  options: Options<z.infer<S>, T, D>,
): FormAction<D> {
  return async (prev, formData) => {
    const actor = await resolve();
    const t = await getTranslations();
    const omit = ["password", "confirmPassword", ...(options.secret ?? [])];
    const { echo = true } = options;
    const values = echo === false ? {} : echo === true ? formValues(formData, omit) : echo(formData);
    const context: ActionContext<D> = { t, prev, formData, values };
    if (actor instanceof SignedOut) {
      // the form's own shaping of a refusal still applies (e.g. the ticked boxes of a list come back ticked)
      const state = signedOutState<D>(t, actor, values);
      const failure: Failure = {
        ok: false,
        kind: "unauthorized",
        error: { key: "common.signedOutForm.error" },
      };
      const shaped = options.onFail ? await options.onFail(state, failure, context) : state;
      return { ...shaped, signIn: state.signIn };
    }
    const parsed = schema.safeParse(
      options.read ? await options.read(formData) : Object.fromEntries(formData),
    );
    if (!parsed.success) {
      const atField = fieldsAt(parsed.error, options.atField);
      if (atField) return formError<D>(t, { fieldErrors: atField }, values);
      const invalid = options.invalid;
      const failure: Failure =
        typeof invalid === "string"
          ? { ok: false, kind: "invalid", error: { key: invalid } }
          : {
              ok: false,
              kind: "invalid",
              fieldErrors: fieldErrorsFrom(parsed.error, invalid.fields, invalid.fallback),
              error: invalid.error ? { key: invalid.error } : undefined,
            };
      const state = formError<D>(t, failure, values);
      return options.onFail ? options.onFail(state, failure, context) : state;
    }
    const input = parsed.data;
    const result = await run(actor, input);
    for (const path of options.revalidate?.(input) ?? [])
      if (typeof path === "string") revalidatePath(path);
      else revalidatePath(path.path, path.type);
    if (result.ok) return options.onOk ? options.onOk(result.value, input, context) : { status: "success" };
    const state = options.errorAt
      ? refusalAt<D>(t, result, values, options.errorAt)
      : formError<D>(t, result, values);
    return options.onFail ? options.onFail(state, result, { ...context, input }) : state;
  };
}

/**
 * No session behind a form that needs one (idle timeout, signed out in another tab, a restart that ended
 * sessions): a redirect to the sign-in page would throw away what the person typed, so the form answers
 * instead, keeps its values, and links to the sign-in page in a new window.
 */
class SignedOut {
  constructor(
    /** the sign-in page for a new window */
    readonly href: string,
    /** where the page goes when no form shows the answer (the redirect a signed-out request always got) */
    readonly page: string,
  ) {}
}

function signedOutState<D>(t: Translate, out: SignedOut, values: Record<string, string>): FormState<D> {
  return {
    status: "error",
    error: t("common.signedOutForm.error"),
    values,
    signIn: {
      href: out.href,
      page: out.page,
      label: t("common.signedOutForm.link"),
      then: t("common.signedOutForm.then"),
    },
  };
}

/** The signed-in actor as `require` checks it, or SignedOut when there is none. */
async function signedInOr<A>(require: () => Promise<A>, out: SignedOut): Promise<A | SignedOut> {
  return (await getActor()) ? require() : out;
}

/** The `atField` fields that failed, each with its key; null when none of them did. */
function fieldsAt(error: z.ZodError, keys: Record<string, string> = {}): FieldErrors | null {
  const failed = error.issues.map((issue) => String(issue.path[0])).filter((field) => field in keys);
  return failed.length ? Object.fromEntries(failed.map((field) => [field, { key: keys[field] }])) : null;
}

/** A refusal with its message at one field (and above the form, for forms that show it there). */
function refusalAt<D>(t: Translate, failure: Failure, values: Record<string, string>, field: string) {
  const state = formError<D>(t, failure, values);
  return { ...state, fieldErrors: { [field]: state.error ?? "" } };
}

/**
 * A staff form's action: signed-in staff holding `permission` (else the usual redirect / forbidden); `null`
 * for any staff member, with `allowPasswordChange` for the one form open while a password change is due.
 */
export function staffAction<S extends z.ZodType, T, D = unknown>(
  permission: Permission | null,
  schema: S,
  run: (actor: StaffActor, input: z.infer<S>) => Promise<Result<T>>,
  options: Options<z.infer<S>, T, D> & { allowPasswordChange?: boolean },
): FormAction<D> {
  const { allowPasswordChange } = options;
  return chain(
    () =>
      signedInOr(
        () => requireStaff(permission ?? undefined, { allowPasswordChange }),
        new SignedOut("/staff/login", "/staff/login"),
      ),
    schema,
    run,
    options,
  );
}

/** A student form's action: a signed-in student (verified unless `allowPending`). */
export function studentAction<S extends z.ZodType, T, D = unknown>(
  schema: S,
  run: (actor: StudentActor, input: z.infer<S>) => Promise<Result<T>>,
  options: Options<z.infer<S>, T, D> & { allowPending?: boolean; next?: string },
): FormAction<D> {
  const { allowPending, next } = options;
  return chain(
    () =>
      signedInOr(
        () => requireStudent({ allowPending, next }),
        new SignedOut(
          "/login?next=%2Fsigned-in",
          next ? `/login?next=${encodeURIComponent(next)}` : "/login",
        ),
      ),
    schema,
    run,
    options,
  );
}

/**
 * A public form's action (register, sign-in, recovery): nobody is signed in, so the service gets the
 * request's address and user agent for its rate limits and audit.
 */
export function publicAction<S extends z.ZodType, T, D = unknown>(
  schema: S,
  run: (meta: RequestMeta, input: z.infer<S>) => Promise<Result<T>>,
  options: Options<z.infer<S>, T, D>,
): FormAction<D> {
  return chain(requestMeta, schema, run, options);
}

/**
 * For a plain `<form action>` whose answer is not shown (the page reloads from the revalidated data): the
 * same chain, its form state dropped.
 */
export function withoutState<D>(action: FormAction<D>): (formData: FormData) => Promise<void> {
  return async (formData) => {
    const state = await action({ status: "idle" }, formData);
    // no form shows the answer: signed out, the person is sent to sign in as before
    if (state.signIn) redirect(state.signIn.page);
  };
}
