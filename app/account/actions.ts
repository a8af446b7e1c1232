"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStudent } from "@/lib/auth/current";
import {
  changePassword,
  changePhone,
  requestEmailChange,
  requestPhoneChangeCode,
  resendEmailVerification,
  setSecurityQuestions,
  updateNotificationSettings,
} from "@/lib/accounts/manage";
import { unbindExternalIdentity } from "@/lib/external-sign-in/bindings";
import { startBinding } from "@/lib/external-sign-in/start";
import { flowContext } from "@/lib/external-sign-in/action-support";
import { confirmEmail } from "@/lib/accounts/email";
import { localizeTimes } from "@/lib/accounts/messages";
import { messageBaseUrl } from "@/lib/accounts/links";
import { maskEmail } from "@/lib/identity/email";
import { maskPhone } from "@/lib/identity/phone";
import { codeLifetimeMinutes } from "@/lib/settings";
import { requestMeta } from "@/lib/core/request-meta";
import { formError, formValues, type FormState } from "@/lib/core/form-state";
import type { Result } from "@/lib/core/result";

/** Every action checks the session itself (pending accounts may manage their account too). */
const student = () => requireStudent({ allowPending: true, next: "/account" });

const SECRET_FIELDS = ["currentPassword", "password", "confirmPassword", "answer1", "answer2", "answer3"];
type Stamp = { at: number; message?: string; resendAt?: string };
export type AccountFormState = FormState<Stamp>;

const str = (max: number) => z.string().max(max).default("");

async function finish<T>(
  formData: FormData,
  result: Result<T>,
  success: (value: T, t: Awaited<ReturnType<typeof getTranslations>>) => string | Promise<string>,
): Promise<AccountFormState> {
  const t = await getTranslations();
  const values = formValues(formData, SECRET_FIELDS);
  if (!result.ok) return { ...formError<Stamp>(t, localizeTimes(result), values), data: { at: Date.now() } };
  revalidatePath("/account");
  return { status: "success", data: { at: Date.now(), message: await success(result.value, t) } };
}

async function tooLong(formData: FormData): Promise<AccountFormState> {
  const t = await getTranslations();
  return {
    status: "error",
    error: t("register.tooLong"),
    values: formValues(formData, SECRET_FIELDS),
    data: { at: Date.now() },
  };
}

export async function changePasswordAction(
  _prev: AccountFormState,
  formData: FormData,
): Promise<AccountFormState> {
  const actor = await student();
  const parsed = z
    .object({ currentPassword: str(1024), password: str(1024), confirmPassword: str(1024) })
    .safeParse(Object.fromEntries(formData));
  if (!parsed.success) return tooLong(formData);
  return finish(formData, await changePassword(actor, parsed.data), (_v, t) => t("account.password.done"));
}

/**
 * 更换手机号 form: 免费获取 (intent "sendCode") sends the code to the new phone, the submit button changes
 * the phone. One action for both keeps typed values without JavaScript (see SendCodeButton).
 */
export async function phoneChangeAction(
  prev: AccountFormState,
  formData: FormData,
): Promise<AccountFormState> {
  return formData.get("intent") === "sendCode" ? sendPhoneCode(formData) : changePhoneNow(prev, formData);
}

async function sendPhoneCode(formData: FormData): Promise<AccountFormState> {
  const actor = await student();
  const parsed = z.object({ newPhone: str(40) }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return tooLong(formData);
  const result = await requestPhoneChangeCode(actor, parsed.data, await requestMeta());
  const t = await getTranslations();
  const values = formValues(formData, SECRET_FIELDS);
  if (!result.ok) {
    const r = localizeTimes(result);
    const fieldErrors = r.fieldErrors ? formError(t, r).fieldErrors : { code: formError(t, r).error ?? "" };
    return { status: "error", fieldErrors, values, data: { at: Date.now() } };
  }
  return {
    status: "success",
    values,
    data: {
      at: Date.now(),
      resendAt: result.value.resendAt,
      message: t("register.code.sent", {
        phone: maskPhone(result.value.phone),
        minutes: await codeLifetimeMinutes(),
      }),
    },
  };
}

async function changePhoneNow(prev: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const actor = await student();
  const parsed = z
    .object({ newPhone: str(40), code: str(20), currentPassword: str(1024) })
    .safeParse(Object.fromEntries(formData));
  if (!parsed.success) return tooLong(formData);
  const state = await finish(formData, await changePhone(actor, parsed.data), (v, t) =>
    t("account.phone.done", { phone: v.phone }),
  );
  // A failed change keeps the 60-second countdown of the code already sent.
  return state.status === "error"
    ? { ...state, data: { ...state.data, at: Date.now(), resendAt: prev.data?.resendAt } }
    : state;
}

export async function requestEmailAction(
  _prev: AccountFormState,
  formData: FormData,
): Promise<AccountFormState> {
  const actor = await student();
  const parsed = z
    .object({ email: str(254), currentPassword: str(1024) })
    .safeParse(Object.fromEntries(formData));
  if (!parsed.success) return tooLong(formData);
  const result = await requestEmailChange(actor, parsed.data, messageBaseUrl());
  return finish(formData, result, (v, t) => t("account.email.sent", { email: maskEmail(v.email) }));
}

export async function resendEmailAction(
  _prev: AccountFormState,
  formData: FormData,
): Promise<AccountFormState> {
  const actor = await student();
  const result = await resendEmailVerification(actor, messageBaseUrl());
  return finish(formData, result, (v, t) => t("account.email.sent", { email: maskEmail(v.email) }));
}

export async function setQuestionsAction(
  _prev: AccountFormState,
  formData: FormData,
): Promise<AccountFormState> {
  const actor = await student();
  const parsed = z
    .object({
      currentPassword: str(1024),
      question1: str(40),
      answer1: str(200),
      question2: str(40),
      answer2: str(200),
      question3: str(40),
      answer3: str(200),
    })
    .safeParse(Object.fromEntries(formData));
  if (!parsed.success) return tooLong(formData);
  const d = parsed.data;
  const result = await setSecurityQuestions(actor, {
    currentPassword: d.currentPassword,
    questions: [
      { questionKey: d.question1, answer: d.answer1 },
      { questionKey: d.question2, answer: d.answer2 },
      { questionKey: d.question3, answer: d.answer3 },
    ],
  });
  return finish(formData, result, (v, t) =>
    v.count > 0 ? t("account.questions.done") : t("account.questions.cleared"),
  );
}

export async function notificationSettingsAction(
  _prev: AccountFormState,
  formData: FormData,
): Promise<AccountFormState> {
  const actor = await student();
  const result = await updateNotificationSettings(actor, {
    notifyBySms: formData.get("notifyBySms") === "on",
    notifyByEmail: formData.get("notifyByEmail") === "on",
  });
  return finish(formData, result, (_v, t) => t("account.notifications.done"));
}

/** 绑定: the current password, then on to the provider; the callback brings the browser back here. */
export async function bindExternalAction(
  _prev: AccountFormState,
  formData: FormData,
): Promise<AccountFormState> {
  const actor = await student();
  const parsed = z
    .object({ provider: str(40), currentPassword: str(1024) })
    .safeParse(Object.fromEntries(formData));
  if (!parsed.success) return tooLong(formData);
  const result = await startBinding(
    actor,
    { slug: parsed.data.provider, currentPassword: parsed.data.currentPassword },
    await flowContext(),
  );
  if (!result.ok) return finish(formData, result, () => "");
  redirect(result.value.url);
}

/** 解除绑定 (a POST from this site only: proxy.ts checks the Origin). */
export async function unbindAction(formData: FormData): Promise<void> {
  const actor = await student();
  const id = z.string().max(64).safeParse(formData.get("id"));
  const result = id.success ? await unbindExternalIdentity(actor, id.data, await requestMeta()) : null;
  revalidatePath("/account");
  redirect(result?.ok ? "/account?external=unbound#external" : "/account#external");
}

export type VerifyEmailData = { email?: string };

/** The link in the verification e-mail lands on a page; only this POST (a person's click) verifies. */
export async function confirmEmailAction(
  _prev: FormState<VerifyEmailData>,
  formData: FormData,
): Promise<FormState<VerifyEmailData>> {
  const t = await getTranslations();
  const token = z.string().max(100).safeParse(formData.get("token"));
  if (!token.success) return { status: "error", error: t("account.email.linkInvalid") };
  const result = await confirmEmail(token.data);
  if (!result.ok) return formError<VerifyEmailData>(t, result);
  return { status: "success", data: { email: maskEmail(result.value.email) } };
}
