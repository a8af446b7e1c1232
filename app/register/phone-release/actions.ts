"use server";

import { readPhotoFields } from "@/lib/identity-cases/photos-intake";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { sendSmsCode } from "@/lib/accounts/codes";
import { localizeTimes } from "@/lib/accounts/messages";
import { formError, formValues, type FormState } from "@/lib/core/form-state";
import { requestMeta } from "@/lib/core/request-meta";
import { submitPhoneRelease, verifyReleasePhone } from "@/lib/identity-cases/phone-release";
import { maskPhone, parsePhone } from "@/lib/identity/phone";
import { codeLifetimeMinutes } from "@/lib/settings";
import { clearReleaseTicket, readReleaseTicket, setReleaseTicket } from "./ticket";

export type ReleaseData = {
  resendAt?: string;
  codeMessage?: string;
  codeRequest?: boolean;
  submitted?: string;
};
type State = FormState<ReleaseData>;

const stepOne = z.object({ phone: z.string().max(40).default(""), code: z.string().max(20).default("") });

/** Step 1: 免费获取 (intent=sendCode) or 下一步 (verify the code; on success the page shows step 2). */
export async function verifyPhoneAction(prev: State, formData: FormData): Promise<State> {
  const t = await getTranslations();
  const values = formValues(formData);
  const input = stepOne.parse({ phone: values.phone, code: values.code });
  if (formData.get("intent") === "sendCode") {
    const phone = parsePhone(input.phone);
    if (!phone.ok)
      return {
        status: "error",
        fieldErrors: { phone: t("register.phone.invalid") },
        values,
        data: { codeRequest: true },
      };
    const sent = await sendSmsCode({ purpose: "release_phone", phone: phone.value }, await requestMeta());
    if (!sent.ok)
      return {
        status: "error",
        fieldErrors: { code: formError(t, localizeTimes(sent)).error ?? "" },
        values,
        data: { codeRequest: true },
      };
    return {
      status: "idle",
      values,
      data: {
        resendAt: sent.value.resendAt,
        codeMessage: t("register.code.sent", {
          phone: maskPhone(phone.value),
          minutes: await codeLifetimeMinutes(),
        }),
      },
    };
  }
  const result = await verifyReleasePhone(input);
  if (!result.ok)
    return { ...formError<ReleaseData>(t, result, values), data: { resendAt: prev.data?.resendAt } };
  await setReleaseTicket(result.value.ticket);
  redirect("/register/phone-release");
}

/** Step 2: the claimant's name, ID number and the two photos become a case for support. */
export async function submitReleaseAction(_prev: State, formData: FormData): Promise<State> {
  const t = await getTranslations();
  const values = formValues(formData);
  const { photos, tooLarge } = await readPhotoFields(formData);
  if (tooLarge) return formError<ReleaseData>(t, { fieldErrors: tooLarge }, values);
  const sealed = await readReleaseTicket();
  const result = await submitPhoneRelease(
    sealed,
    {
      name: String(values.name ?? "").slice(0, 100),
      idType: String(values.idType ?? "").slice(0, 40),
      idNumber: String(values.idNumber ?? "").slice(0, 60),
      photos,
    },
    { ip: (await requestMeta()).ip },
  );
  if (!result.ok) return formError<ReleaseData>(t, result, values);
  // The proof is spent: the page then says the request was sent (nothing about the number in the URL).
  await clearReleaseTicket();
  redirect("/register/phone-release?sent=1");
}

/** 换一个手机号: forget the verified number. */
export async function restartReleaseAction(): Promise<void> {
  await clearReleaseTicket();
  redirect("/register/phone-release");
}
