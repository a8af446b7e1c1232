"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import {
  recoveryMethods,
  resetWithAnswers,
  resetWithEmailToken,
  resetWithSmsCode,
  sendRecoveryEmail,
  sendRecoverySms,
  startPasswordRecovery,
  type RecoveryMethods,
} from "@/lib/accounts/recover-password";
import { localizeTimes } from "@/lib/accounts/messages";
import { messageBaseUrl } from "@/lib/accounts/links";
import { requestMeta } from "@/lib/core/request-meta";
import { formError, formValues, type FormState } from "@/lib/core/form-state";
import type { Result } from "@/lib/core/result";
import { createCaptcha, type Captcha } from "@/lib/security/captcha";
import { codeLifetimeMinutes } from "@/lib/settings";

export type RecoveryStep = "start" | "methods" | "sms" | "questions" | "emailSent" | "done";
export type RecoverPasswordData = {
  step: RecoveryStep;
  ticket?: string;
  methods?: RecoveryMethods;
  captcha?: Captcha;
  resendAt?: string;
  notice?: string;
  email?: string;
  /** the username is unknown / has no method: the page points to re-registration */
  reRegister?: boolean;
  refused?: boolean;
};

const schema = z.object({
  intent: z
    .enum(["start", "sms", "email", "questions", "resetSms", "resetQuestions", "back"])
    .default("start"),
  username: z.string().max(254).default(""),
  captchaId: z.string().max(64).optional(),
  captchaAnswer: z.string().max(16).optional(),
  ticket: z.string().max(100).default(""),
  code: z.string().max(20).default(""),
  password: z.string().max(1024).default(""),
  confirmPassword: z.string().max(1024).default(""),
  answer1: z.string().max(200).default(""),
  answer2: z.string().max(200).default(""),
  answer3: z.string().max(200).default(""),
});

const NOT_ECHOED = [
  "password",
  "confirmPassword",
  "answer1",
  "answer2",
  "answer3",
  "captchaAnswer",
  "ticket",
];
type State = FormState<RecoverPasswordData>;
type T = Awaited<ReturnType<typeof getTranslations>>;

/**
 * 找回密码, one step per submission (it works without JavaScript): the `intent` names the step and each
 * step calls one service. The recovery ticket travels in a hidden field.
 */
export async function recoverPasswordAction(_prev: State, formData: FormData): Promise<State> {
  const t = await getTranslations();
  const values = formValues(formData, NOT_ECHOED);
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return restart(t, values, "register.tooLong");
  const input = parsed.data;
  const meta = await requestMeta();

  switch (input.intent) {
    case "start": {
      const r = await startPasswordRecovery(input, meta);
      if (r.ok) return { status: "idle", values, data: { step: "methods", ...r.value } };
      const key = r.error?.key;
      return {
        ...formError<RecoverPasswordData>(t, r, values),
        data: {
          step: "start",
          captcha: await createCaptcha(),
          reRegister: key === "recover.password.unknownUser" || key === "recover.password.noMethods",
          refused: key === "recover.tooFrequent",
        },
      };
    }
    case "sms": {
      const methods = await recoveryMethods(input.ticket);
      if (!methods) return restart(t, values);
      const r = await sendRecoverySms(input.ticket, meta);
      const step = { step: "sms" as const, ticket: input.ticket, methods };
      if (!r.ok) return { status: "error", values, fieldErrors: { code: message(t, r) }, data: step };
      const minutes = await codeLifetimeMinutes();
      return {
        status: "idle",
        values,
        data: {
          ...step,
          resendAt: r.value.resendAt,
          notice: t("register.code.sent", { phone: methods.sms ?? "", minutes }),
        },
      };
    }
    case "email": {
      const methods = await recoveryMethods(input.ticket);
      if (!methods) return restart(t, values);
      const r = await sendRecoveryEmail(input.ticket, messageBaseUrl());
      if (!r.ok)
        return {
          status: "error",
          error: message(t, r),
          values,
          data: { step: "methods", ticket: input.ticket, methods },
        };
      return { status: "success", values, data: { step: "emailSent", email: r.value.email } };
    }
    case "questions":
    case "back": {
      const methods = await recoveryMethods(input.ticket);
      if (!methods) return restart(t, values);
      const step = input.intent === "questions" && methods.questions ? "questions" : "methods";
      return { status: "idle", values, data: { step, ticket: input.ticket, methods } };
    }
    case "resetSms":
      return afterReset(t, values, input.ticket, "sms", await resetWithSmsCode(input));
    case "resetQuestions":
      return afterReset(
        t,
        values,
        input.ticket,
        "questions",
        await resetWithAnswers({ ...input, answers: [input.answer1, input.answer2, input.answer3] }),
      );
  }
}

function message(t: T, r: Extract<Result<unknown>, { ok: false }>): string {
  return formError(t, localizeTimes(r)).error ?? "";
}

async function restart(
  t: T,
  values: Record<string, string>,
  key = "recover.password.ticketExpired",
): Promise<State> {
  return { status: "error", error: t(key), values, data: { step: "start", captcha: await createCaptcha() } };
}

async function afterReset(
  t: T,
  values: Record<string, string>,
  ticket: string,
  step: "sms" | "questions",
  result: Result<null>,
): Promise<State> {
  if (result.ok) return { status: "success", data: { step: "done" } };
  if (result.error?.key === "recover.password.ticketExpired") return restart(t, values);
  const methods = (await recoveryMethods(ticket)) ?? undefined;
  return {
    ...formError<RecoverPasswordData>(t, localizeTimes(result), values),
    data: { step, ticket, methods },
  };
}

export type ResetLinkData = { done?: boolean };

/** /recover/password/reset?token=…: the new password for the account the e-mailed link names. */
export async function resetByLinkAction(
  _prev: FormState<ResetLinkData>,
  formData: FormData,
): Promise<FormState<ResetLinkData>> {
  const t = await getTranslations();
  const parsed = schema
    .pick({ password: true, confirmPassword: true })
    .extend({ token: z.string().max(100).default("") })
    .safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", error: t("register.tooLong") };
  const result = await resetWithEmailToken(parsed.data);
  if (result.ok) return { status: "success", data: { done: true } };
  return formError<ResetLinkData>(t, result);
}
