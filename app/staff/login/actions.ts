"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { signInStaff, staffCaptchaRequired } from "@/lib/staff/sign-in";
import { createCaptcha, type Captcha } from "@/lib/security/captcha";
import { setSessionCookie } from "@/lib/auth/cookie";
import { resolveSession } from "@/lib/auth/sessions";
import { homePathFor } from "@/lib/auth/policy";
import { requestMeta } from "@/lib/core/request-meta";
import { formError, formValues, type FormState } from "@/lib/core/form-state";
import { formatDateTime } from "@/lib/i18n/format";
import { startSignIn } from "@/lib/external-sign-in/start";
import { externalSchema, flowContext, refusalQuery } from "@/lib/external-sign-in/action-support";

const schema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1024),
  captchaId: z.string().max(64).optional(),
  captchaAnswer: z.string().max(16).optional(),
});

export type StaffLoginData = { captcha?: Captcha };

export async function staffLogin(
  _prev: FormState<StaffLoginData>,
  formData: FormData,
): Promise<FormState<StaffLoginData>> {
  const t = await getTranslations();
  const values = formValues(formData);
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", error: t("signIn.required"), values };
  const meta = await requestMeta();
  const result = await signInStaff(parsed.data, meta);
  if (!result.ok) {
    const until = result.error?.params?.until;
    const error =
      result.error && typeof until === "string"
        ? { ...result.error, params: { until: formatDateTime(until) } }
        : result.error;
    const state = formError<StaffLoginData>(t, { ...result, error }, values);
    const needCaptcha = await staffCaptchaRequired(parsed.data.username, meta.ip);
    return { ...state, data: needCaptcha ? { captcha: await createCaptcha() } : undefined };
  }
  await setSessionCookie(result.value.sessionId, "staff");
  const actor = await resolveSession(result.value.sessionId);
  redirect(actor ? homePathFor(actor) : "/");
}

/** 统一身份认证登录: sends the browser to the campus identity system. */
export async function staffExternalSignIn(formData: FormData): Promise<void> {
  const parsed = externalSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/staff/login?sso=not_configured");
  const result = await startSignIn({ slug: parsed.data.provider, audience: "staff" }, await flowContext());
  redirect(result.ok ? result.value.url : `/staff/login?${refusalQuery(result.error)}`);
}
