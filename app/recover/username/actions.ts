"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { recoverUsername, type FoundUsername } from "@/lib/accounts/recover-username";
import { requestMeta } from "@/lib/core/request-meta";
import { formError, formValues, type FormState } from "@/lib/core/form-state";
import { createCaptcha, type Captcha } from "@/lib/security/captcha";

const schema = z.object({
  idNumber: z.string().max(60).default(""),
  name: z.string().max(100).default(""),
  captchaId: z.string().max(64).optional(),
  captchaAnswer: z.string().max(16).optional(),
});

export type RecoverUsernameData = {
  captcha: Captcha;
  found?: FoundUsername[];
  /** nothing matched: the page explains re-registering */
  noMatch?: boolean;
  refused?: boolean;
};

/** 找回用户名: 证件号码 + 姓名 + 图片验证码. A new picture every time (each one is single use). */
export async function recoverUsernameAction(
  _prev: FormState<RecoverUsernameData>,
  formData: FormData,
): Promise<FormState<RecoverUsernameData>> {
  const t = await getTranslations();
  const values = formValues(formData, ["captchaAnswer"]);
  const parsed = schema.safeParse(Object.fromEntries(formData));
  const captcha = await createCaptcha();
  if (!parsed.success) return { status: "error", error: t("register.tooLong"), values, data: { captcha } };
  const result = await recoverUsername(parsed.data, await requestMeta());
  if (result.ok) return { status: "success", values, data: { captcha, found: result.value } };
  return {
    ...formError<RecoverUsernameData>(t, result, values),
    data: {
      captcha,
      noMatch: result.error?.key === "recover.username.noMatch",
      refused: result.error?.key === "recover.tooFrequent",
    },
  };
}
