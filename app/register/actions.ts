"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { registerStudent } from "@/lib/accounts/registration";
import { sendSmsCode } from "@/lib/accounts/codes";
import { localizeTimes } from "@/lib/accounts/messages";
import { messageBaseUrl } from "@/lib/accounts/links";
import { parsePhone, maskPhone } from "@/lib/identity/phone";
import { codeLifetimeMinutes } from "@/lib/settings";
import { setSessionCookie } from "@/lib/auth/cookie";
import { requestMeta } from "@/lib/core/request-meta";
import { formError, formValues, type FormState } from "@/lib/core/form-state";
import { newTicket } from "@/lib/identity-cases/phone-release";
import { setReleaseTicket } from "./phone-release/ticket";

const text = (max: number) => z.string().max(max).default("");
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "1" || v === "true");

const schema = z.object({
  phone: text(40),
  code: text(20),
  password: text(1024),
  confirmPassword: text(1024),
  name: text(100),
  keepTraditionalName: checkbox,
  idType: text(40),
  idNumber: text(60),
  email: text(254),
  question1: text(40),
  answer1: text(200),
  question2: text(40),
  answer2: text(200),
  question3: text(40),
  answer3: text(200),
  sensitiveConsent: checkbox,
  reRegister: checkbox,
});

/** Values echoed back into the form: never passwords, never security answers. */
const NOT_ECHOED = ["password", "confirmPassword", "answer1", "answer2", "answer3"];

export type RegisterData = {
  conflict?: "phone" | "idNumber";
  nameSuggestion?: string;
  pending?: boolean;
  /** 免费获取: when a new code may be asked for (drives the countdown), and what was sent */
  resendAt?: string;
  codeMessage?: string;
  /** this answer is to 免费获取 */
  codeRequest?: boolean;
};
type State = FormState<RegisterData>;

/**
 * The registration form's one action. Its two buttons are told apart by `intent`: 免费获取 sends the SMS
 * code, 立即注册 registers. One action (not a second one through formAction) keeps the typed values when
 * the page works without JavaScript: see components/auth/SendCodeButton.tsx.
 */
export async function registerForm(prev: State, formData: FormData): Promise<State> {
  return formData.get("intent") === "sendCode" ? sendRegisterCode(prev, formData) : register(prev, formData);
}

function stringEntries(formData: FormData): Record<string, string> {
  return Object.fromEntries(
    [...formData.entries()].filter((e): e is [string, string] => typeof e[1] === "string"),
  );
}

/** Only absurdly long input fails the schema (every real rule is the service's): say so at the field. */
function tooLong(
  t: (key: string) => string,
  issues: { path: PropertyKey[] }[],
  values: Record<string, string>,
): FormState<never> {
  const fieldErrors = Object.fromEntries(issues.map((i) => [String(i.path[0]), t("register.tooLong")]));
  return { status: "error", fieldErrors, values };
}

/** 立即注册: one call to the registration service; verified accounts go straight to their record. */
async function register(prev: State, formData: FormData): Promise<State> {
  const t = await getTranslations();
  const values = formValues(formData, NOT_ECHOED);
  const parsed = schema.safeParse(stringEntries(formData));
  const resendAt = prev.data?.resendAt;
  if (!parsed.success) return { ...tooLong(t, parsed.error.issues, values), data: { resendAt } };
  const input = parsed.data;
  const result = await registerStudent(
    {
      ...input,
      questions: [
        { questionKey: input.question1, answer: input.answer1 },
        { questionKey: input.question2, answer: input.answer2 },
        { questionKey: input.question3, answer: input.answer3 },
      ],
    },
    await requestMeta(),
    { baseUrl: messageBaseUrl() },
  );
  if (!result.ok) {
    const fe = result.fieldErrors ?? {};
    // A conflict is the phone or the ID number someone else holds: the form offers the ways out.
    const conflict =
      result.kind === "conflict" ? (fe.phone ? "phone" : fe.idNumber ? "idNumber" : undefined) : undefined;
    // A traditional-script name comes with its simplified suggestion.
    const suggestion =
      fe.name?.params?.suggestion !== undefined ? String(fe.name.params.suggestion) : undefined;
    // 手机号码已被注册 comes only after this phone's SMS code was verified: that proof lets the person ask
    // to release a recycled number without a second code (/register/phone-release).
    const phone = parsePhone(input.phone);
    if (conflict === "phone" && phone.ok) await setReleaseTicket(newTicket(phone.value));
    return {
      ...formError<RegisterData>(t, localizeTimes(result), values),
      data: { conflict, nameSuggestion: suggestion, resendAt },
    };
  }
  await setSessionCookie(result.value.sessionId, "student");
  if (result.value.identityStatus === "verified") redirect("/record");
  return { status: "success", data: { pending: true } };
}

/** 免费获取: sends the registration code; receives the whole form and hands the typed values back. */
async function sendRegisterCode(_prev: State, formData: FormData): Promise<State> {
  const t = await getTranslations();
  const values = formValues(formData, NOT_ECHOED);
  const phone = parsePhone(String(formData.get("phone") ?? ""));
  if (!phone.ok) {
    return {
      status: "error",
      fieldErrors: { phone: t("register.phone.invalid") },
      values,
      data: { codeRequest: true },
    };
  }
  const sent = await sendSmsCode({ purpose: "register", phone: phone.value }, await requestMeta());
  if (!sent.ok) {
    const message = formError(t, localizeTimes(sent)).error;
    return { status: "error", fieldErrors: { code: message ?? "" }, values, data: { codeRequest: true } };
  }
  return {
    status: "idle",
    values,
    data: {
      codeRequest: true,
      resendAt: sent.value.resendAt,
      codeMessage: t("register.code.sent", {
        phone: maskPhone(phone.value),
        minutes: await codeLifetimeMinutes(),
      }),
    },
  };
}
