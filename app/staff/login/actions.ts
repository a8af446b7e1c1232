"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { signInStaff } from "@/lib/staff/sign-in";
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
});

export async function staffLogin(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations();
  const values = formValues(formData);
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", error: t("signIn.required"), values };
  const result = await signInStaff(parsed.data, await requestMeta());
  if (!result.ok) {
    const until = result.error?.params?.until;
    const error =
      result.error && typeof until === "string"
        ? { ...result.error, params: { until: formatDateTime(until) } }
        : result.error;
    return formError(t, { ...result, error }, values);
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
