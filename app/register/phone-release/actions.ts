"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/auth/action";
import { requestCodeFor } from "@/lib/accounts/code-request";
import { codeSentMessage } from "@/lib/accounts/messages";
import type { FormState } from "@/lib/core/form-state";
import { text } from "@/lib/core/form-fields";
import { fieldFail } from "@/lib/core/result";
import type { ReleaseData } from "@/lib/identity-cases/form-states";
import { submitPhoneRelease, verifyReleasePhone } from "@/lib/identity-cases/phone-release";
import { photoFields, readPhotoForm } from "@/lib/identity-cases/photos-intake";
import { maskPhone } from "@/lib/identity/phone";
import { clearReleaseTicket, readReleaseTicket, setReleaseTicket } from "./ticket";

type State = FormState<ReleaseData>;

const stepOne = z.object({ phone: text(40), code: text(20) });

/** 免费获取 on step 1. */
const sendReleaseCode = publicAction(
  stepOne,
  (meta, input) => requestCodeFor("release_phone", input.phone, meta),
  {
    invalid: "register.tooLong",
    onOk: async (sent, _input, { t, values }): Promise<State> => ({
      status: "idle",
      values,
      data: { resendAt: sent.resendAt, codeMessage: await codeSentMessage(t, maskPhone(sent.phone)) },
    }),
    onFail: (state): State => ({ ...state, data: { codeRequest: true } }),
  },
);

/** 下一步 on step 1: the code verified, the proof kept in a cookie; the page then shows step 2. */
const verifyCode = publicAction(
  stepOne,
  async (_meta, input) => {
    const result = await verifyReleasePhone(input);
    if (result.ok) await setReleaseTicket(result.value.ticket);
    return result;
  },
  {
    invalid: "register.tooLong",
    onOk: () => redirect("/register/phone-release"),
    onFail: (state, _failure, { prev }): State => ({ ...state, data: { resendAt: prev.data?.resendAt } }),
  },
);

/** Step 1: 免费获取 (intent=sendCode) or 下一步 (verify the code; on success the page shows step 2). */
export async function verifyPhoneAction(prev: State, formData: FormData): Promise<State> {
  return formData.get("intent") === "sendCode" ? sendReleaseCode(prev, formData) : verifyCode(prev, formData);
}

const clipped = (max: number) =>
  z
    .string()
    .default("")
    .transform((v) => v.slice(0, max));

/** Step 2: the claimant's name, ID number and the two photos become a case for support. */
export const submitReleaseAction = publicAction(
  z.object({ name: clipped(100), idType: clipped(40), idNumber: clipped(60), ...photoFields }),
  async (meta, { tooLarge, ...input }) => {
    if (tooLarge) return fieldFail(tooLarge);
    const result = await submitPhoneRelease(await readReleaseTicket(), input, { ip: meta.ip });
    // The proof is spent: the page then says the request was sent (nothing about the number in the URL).
    if (result.ok) await clearReleaseTicket();
    return result;
  },
  {
    invalid: "register.tooLong",
    read: readPhotoForm,
    onOk: () => redirect("/register/phone-release?sent=1"),
  },
);

/** 换一个手机号: forget the verified number. */
export async function restartReleaseAction(): Promise<void> {
  await clearReleaseTicket();
  redirect("/register/phone-release");
}
