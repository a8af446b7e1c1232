"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction, studentAction, type ActionContext } from "@/lib/auth/action";
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
import { codeRefusal, codeSentMessage, localizeTimes } from "@/lib/accounts/messages";
import { messageBaseUrl } from "@/lib/accounts/links";
import type { AccountFormState, AccountStamp, VerifyEmailData } from "@/lib/accounts/form-states";
import { maskEmail } from "@/lib/identity/email";
import { maskPhone } from "@/lib/identity/phone";
import { checkbox, text } from "@/lib/core/form-fields";
import { idleForm, type FormState } from "@/lib/core/form-state";
import { requestMeta } from "@/lib/core/request-meta";

type Context = ActionContext<AccountStamp>;

/**
 * What every 账号管理 form shares: pending accounts may manage their account too; answers carry a fresh
 * stamp; secrets are never echoed; the page is drawn again after the change.
 */
const account = {
  allowPending: true,
  next: "/account",
  invalid: "register.tooLong",
  secret: ["currentPassword", "answer1", "answer2", "answer3"],
  revalidate: () => ["/account"],
  onFail: (state: AccountFormState): AccountFormState => ({ ...state, data: { at: Date.now() } }),
};

/** A success with its message (translated in the reader's language). */
const done = (message: string): AccountFormState => ({
  status: "success",
  data: { at: Date.now(), message },
});

export const changePasswordAction = studentAction(
  z.object({ currentPassword: text(1024), password: text(1024), confirmPassword: text(1024) }),
  async (actor, input) => localizeTimes(await changePassword(actor, input)),
  { ...account, onOk: (_v, _input, { t }: Context) => done(t("account.password.done")) },
);

/** 免费获取 on the 更换手机号 form: the code goes to the new phone; the countdown starts. */
const sendPhoneCode = studentAction(
  z.object({ newPhone: text(40) }),
  async (actor, input) => codeRefusal(await requestPhoneChangeCode(actor, input, await requestMeta())),
  {
    ...account,
    revalidate: undefined,
    onOk: async (v, _input, { t, values }: Context): Promise<AccountFormState> => ({
      status: "success",
      values,
      data: { at: Date.now(), resendAt: v.resendAt, message: await codeSentMessage(t, maskPhone(v.phone)) },
    }),
  },
);

const changePhoneNow = studentAction(
  z.object({ newPhone: text(40), code: text(20), currentPassword: text(1024) }),
  async (actor, input) => localizeTimes(await changePhone(actor, input)),
  {
    ...account,
    onOk: (v, _input, { t }: Context) => done(t("account.phone.done", { phone: v.phone })),
    // A failed change keeps the 60-second countdown of the code already sent.
    onFail: (state, _failure, { prev }) => ({
      ...state,
      data: { at: Date.now(), resendAt: prev.data?.resendAt },
    }),
  },
);

/**
 * 更换手机号 form: 免费获取 (intent "sendCode") sends the code to the new phone, the submit button changes
 * the phone. One action for both keeps typed values without JavaScript (see SendCodeButton).
 */
export async function phoneChangeAction(
  prev: AccountFormState,
  formData: FormData,
): Promise<AccountFormState> {
  return formData.get("intent") === "sendCode"
    ? sendPhoneCode(prev, formData)
    : changePhoneNow(prev, formData);
}

const emailSent = (v: { email: string }, _input: unknown, { t }: Context) =>
  done(t("account.email.sent", { email: maskEmail(v.email) }));

export const requestEmailAction = studentAction(
  z.object({ email: text(254), currentPassword: text(1024) }),
  async (actor, input) => localizeTimes(await requestEmailChange(actor, input, messageBaseUrl())),
  { ...account, onOk: emailSent },
);

export const resendEmailAction = studentAction(
  z.object({}),
  async (actor) => localizeTimes(await resendEmailVerification(actor, messageBaseUrl())),
  { ...account, onOk: emailSent },
);

export const setQuestionsAction = studentAction(
  z.object({
    currentPassword: text(1024),
    question1: text(40),
    answer1: text(200),
    question2: text(40),
    answer2: text(200),
    question3: text(40),
    answer3: text(200),
  }),
  async (actor, d) =>
    localizeTimes(
      await setSecurityQuestions(actor, {
        currentPassword: d.currentPassword,
        questions: [
          { questionKey: d.question1, answer: d.answer1 },
          { questionKey: d.question2, answer: d.answer2 },
          { questionKey: d.question3, answer: d.answer3 },
        ],
      }),
    ),
  {
    ...account,
    onOk: (v, _input, { t }: Context) =>
      done(v.count > 0 ? t("account.questions.done") : t("account.questions.cleared")),
  },
);

export const notificationSettingsAction = studentAction(
  z.object({ notifyBySms: checkbox, notifyByEmail: checkbox }),
  async (actor, input) => localizeTimes(await updateNotificationSettings(actor, input)),
  { ...account, onOk: (_v, _input, { t }: Context) => done(t("account.notifications.done")) },
);

/** 绑定: the current password, then on to the provider; the callback brings the browser back here. */
export const bindExternalAction = studentAction(
  z.object({ provider: text(40), currentPassword: text(1024) }),
  async (actor, input) =>
    localizeTimes(
      await startBinding(
        actor,
        { slug: input.provider, currentPassword: input.currentPassword },
        await flowContext(),
      ),
    ),
  { ...account, revalidate: undefined, onOk: (v) => redirect(v.url) },
);

const unbind = studentAction(
  z.object({ id: z.string().max(64) }),
  async (actor, input) => unbindExternalIdentity(actor, input.id, await requestMeta()),
  {
    ...account,
    onOk: () => redirect("/account?external=unbound#external"),
    onFail: () => redirect("/account#external"),
  },
);

/** 解除绑定 (a POST from this site only: proxy.ts checks the Origin); a plain form, so no form state. */
export async function unbindAction(formData: FormData): Promise<void> {
  await unbind(idleForm as AccountFormState, formData);
}

/** The link in the verification e-mail lands on a page; only this POST (a person's click) verifies. */
export const confirmEmailAction = publicAction(
  z.object({ token: z.string().max(100) }),
  (_meta, input) => confirmEmail(input.token),
  {
    invalid: "account.email.linkInvalid",
    echo: false,
    onOk: (v): FormState<VerifyEmailData> => ({ status: "success", data: { email: maskEmail(v.email) } }),
  },
);
