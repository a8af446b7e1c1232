"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/current";
import { formError, formValues, type FormState } from "@/lib/core/form-state";
import { requestMeta } from "@/lib/core/request-meta";
import { updateSettings } from "@/lib/admin/settings";
import { SETTINGS_SECTIONS, type SettingsSection } from "@/lib/admin/settings-schemas";

function inputFor(section: SettingsSection, formData: FormData): Record<string, unknown> {
  const get = (k: string) => String(formData.get(k) ?? "");
  switch (section) {
    case "general":
      return { schoolName: get("schoolName") };
    case "contact":
      return { phone: get("phone"), office: get("office"), email: get("email"), hours: get("hours") };
    case "codes":
      return { codeLifetimeMinutes: get("codeLifetimeMinutes"), securityQuestions: get("securityQuestions") };
    case "messaging":
      return { smsProvider: get("smsProvider"), emailProvider: get("emailProvider") };
    case "retention":
      return { idPhotoDays: get("idPhotoDays"), evidenceDays: get("evidenceDays") };
  }
}

export async function saveSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff("settings.manage");
  const t = await getTranslations();
  const section = String(formData.get("section") ?? "") as SettingsSection;
  if (!SETTINGS_SECTIONS.includes(section)) return { status: "error", error: t("admin.errors.invalid") };
  const result = await updateSettings(actor, section, inputFor(section, formData), await requestMeta());
  if (!result.ok) return formError(t, result, formValues(formData));
  revalidatePath("/", "layout");
  return { status: "success" };
}
