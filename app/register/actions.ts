"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/auth/action";
import { registerStudent } from "@/lib/accounts/registration";
import { requestCodeFor } from "@/lib/accounts/code-request";
import type { RegisterData } from "@/lib/accounts/form-states";
import { codeSentMessage, localizeTimes } from "@/lib/accounts/messages";
import { messageBaseUrl } from "@/lib/accounts/links";
import { parsePhone, maskPhone } from "@/lib/identity/phone";
import { setSessionCookie } from "@/lib/auth/cookie";
import { checkbox, text } from "@/lib/core/form-fields";
import type { FormState } from "@/lib/core/form-state";
import { kindOf } from "@/lib/core/result";
import { newTicket } from "@/lib/identity-cases/phone-release";
import { setReleaseTicket } from "./phone-release/ticket";

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

type State = FormState<RegisterData>;

/** Values echoed back into the form: never passwords, never security answers. */
const secret = ["answer1", "answer2", "answer3"];

/** 立即注册: one call to the registration service; verified accounts go straight to their record. */
const register = publicAction(
  schema,
  async (meta, input) => {
    const result = await registerStudent(
      {
        ...input,
        questions: [
          { questionKey: input.question1, answer: input.answer1 },
          { questionKey: input.question2, answer: input.answer2 },
          { questionKey: input.question3, answer: input.answer3 },
        ],
      },
      meta,
      { baseUrl: messageBaseUrl() },
    );
    if (result.ok) await setSessionCookie(result.value.sessionId, "student");
    // 手机号码已被注册 comes only after this phone's SMS code was verified: that proof lets the person ask
    // to release a recycled number without a second code (/register/phone-release).
    const phone = parsePhone(input.phone);
    if (!result.ok && kindOf(result) === "conflict" && result.fieldErrors?.phone && phone.ok)
      await setReleaseTicket(newTicket(phone.value));
    return localizeTimes(result);
  },
  {
    // Only absurdly long input fails the schema (every real rule is the service's): said at the field.
    invalid: { fallback: "register.tooLong" },
    secret,
    onOk: (value): State => {
      if (value.identityStatus === "verified") redirect("/record");
      return { status: "success", data: { pending: true } };
    },
    onFail: (state, failure, { prev }): State => {
      const fe = failure.fieldErrors ?? {};
      // A conflict is the phone or the ID number someone else holds: the form offers the ways out.
      const conflict =
        kindOf(failure) === "conflict"
          ? fe.phone
            ? "phone"
            : fe.idNumber
              ? "idNumber"
              : undefined
          : undefined;
      // A traditional-script name comes with its simplified suggestion.
      const suggestion =
        fe.name?.params?.suggestion !== undefined ? String(fe.name.params.suggestion) : undefined;
      return { ...state, data: { conflict, nameSuggestion: suggestion, resendAt: prev.data?.resendAt } };
    },
  },
);

/** 免费获取: sends the registration code; receives the whole form and hands the typed values back. */
const sendRegisterCode = publicAction(
  z.object({ phone: z.string().default("") }),
  (meta, input) => requestCodeFor("register", input.phone, meta),
  {
    invalid: "register.phone.invalid",
    secret,
    onOk: async (sent, _input, { t, values }): Promise<State> => ({
      status: "idle",
      values,
      data: {
        codeRequest: true,
        resendAt: sent.resendAt,
        codeMessage: await codeSentMessage(t, maskPhone(sent.phone)),
      },
    }),
    onFail: (state): State => ({ ...state, data: { codeRequest: true } }),
  },
);

/**
 * The registration form's one action. Its two buttons are told apart by `intent`: 免费获取 sends the SMS
 * code, 立即注册 registers. One action (not a second one through formAction) keeps the typed values when
 * the page works without JavaScript: see components/auth/SendCodeButton.tsx.
 */
export async function registerForm(prev: State, formData: FormData): Promise<State> {
  return formData.get("intent") === "sendCode" ? sendRegisterCode(prev, formData) : register(prev, formData);
}
