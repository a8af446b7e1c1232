"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { captchaRequired, signInStudent } from "@/lib/accounts/sign-in";
import { setSessionCookie } from "@/lib/auth/cookie";
import { requestMeta } from "@/lib/core/request-meta";
import { safeNextPath } from "@/lib/core/safe-next";
import { formError, formValues, type FormState } from "@/lib/core/form-state";
import { createCaptcha, type Captcha } from "@/lib/security/captcha";
import { formatDateTime } from "@/lib/i18n/format";
import { startSignIn } from "@/lib/external-sign-in/start";
import { externalSchema, flowContext, refusalQuery } from "@/lib/external-sign-in/action-support";

const schema = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1024),
  captchaId: z.string().max(64).optional(),
  captchaAnswer: z.string().max(16).optional(),
  next: z.string().max(200).optional(),
});

export type LoginData = { captcha?: Captcha };

export async function studentLogin(
  _prev: FormState<LoginData>,
  formData: FormData,
): Promise<FormState<LoginData>> {
  const t = await getTranslations();
  const values = formValues(formData);
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { status: "error", error: t("signIn.required"), values };
  }
  const meta = await requestMeta();
  const result = await signInStudent(parsed.data, meta);
  if (!result.ok) {
    const state = formError<LoginData>(t, withLocalTime(result), values);
    const needCaptcha = await captchaRequired(parsed.data.username, meta.ip);
    return { ...state, data: needCaptcha ? { captcha: await createCaptcha() } : undefined };
  }
  await setSessionCookie(result.value.sessionId, "student");
  const home = result.value.identityStatus === "pending" ? "/identity" : "/record";
  redirect(safeNextPath(parsed.data.next) ?? home);
}

/** The lock message says until when, in the school's time zone. */
function withLocalTime<R extends { error?: { key: string; params?: Record<string, string | number> } }>(
  result: R,
): R {
  const until = result.error?.params?.until;
  if (result.error && typeof until === "string") {
    return {
      ...result,
      error: { ...result.error, params: { ...result.error.params, until: formatDateTime(until) } },
    };
  }
  return result;
}

/** 其他登录方式: sends the browser to the chosen provider; a refusal comes back to /login?sso=<reason>. */
export async function studentExternalSignIn(formData: FormData): Promise<void> {
  const parsed = externalSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/login?sso=not_configured");
  const result = await startSignIn(
    { slug: parsed.data.provider, audience: "students", next: safeNextPath(parsed.data.next) },
    await flowContext(),
  );
  redirect(result.ok ? result.value.url : `/login?${refusalQuery(result.error)}`);
}
