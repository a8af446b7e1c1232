"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/current";
import { formError, formValues, type FormState } from "@/lib/core/form-state";
import { requestMeta } from "@/lib/core/request-meta";
import { updateSettings } from "@/lib/admin/settings";
import { SETTINGS_SECTIONS, type SettingsSection } from "@/lib/admin/settings-schemas";
import { resetTemplate, saveTemplate } from "@/lib/messaging/template-admin";
import { sendTestMessage } from "@/lib/messaging/test-send";

/** College rows arrive as colleges.<i>.<field> with the college id in colleges.<i>.collegeId. */
function collegeContactRows(formData: FormData) {
  const rows = [];
  for (let i = 0; i < 500 && formData.has(`colleges.${i}.collegeId`); i++) {
    const get = (field: string) => String(formData.get(`colleges.${i}.${field}`) ?? "");
    rows.push({
      collegeId: get("collegeId"),
      phone: get("phone"),
      office: get("office"),
      email: get("email"),
      hours: get("hours"),
    });
  }
  return rows;
}

function inputFor(section: SettingsSection, formData: FormData): Record<string, unknown> {
  const get = (k: string) => String(formData.get(k) ?? "");
  switch (section) {
    case "general":
      return { schoolName: get("schoolName") };
    case "contact":
      return { phone: get("phone"), office: get("office"), email: get("email"), hours: get("hours") };
    case "collegeContacts":
      return { contacts: collegeContactRows(formData) };
    case "codes":
      return { codeLifetimeMinutes: get("codeLifetimeMinutes"), securityQuestions: get("securityQuestions") };
    case "messaging":
      return { smsProvider: get("smsProvider"), emailProvider: get("emailProvider") };
    case "retention":
      return { idPhotoDays: get("idPhotoDays"), evidenceDays: get("evidenceDays") };
    case "calendar":
      return { holidays: get("holidays"), workdays: get("workdays") };
    case "signature":
      return { signature: get("signature"), portalAddress: get("portalAddress") };
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

/** Saves a message template (intent "save") or puts it back to its default (intent "reset"). */
export async function saveTemplateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff("settings.manage");
  const t = await getTranslations();
  const key = String(formData.get("key") ?? "");
  const meta = await requestMeta();
  if (formData.get("intent") === "reset") {
    const reset = await resetTemplate(actor, key, meta);
    if (!reset.ok) return formError(t, reset);
    revalidatePath("/admin/settings");
    return { status: "success", data: "reset" };
  }
  const result = await saveTemplate(
    actor,
    key,
    { "zh-CN": String(formData.get("zh-CN") ?? ""), en: String(formData.get("en") ?? "") },
    meta,
  );
  if (!result.ok) return formError(t, result, formValues(formData));
  revalidatePath("/admin/settings");
  return { status: "success", data: "saved" };
}

/** Sends a test SMS or e-mail to what the admin typed; the result (or the provider's error) is shown. */
export async function sendTestMessageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireStaff("settings.manage");
  const t = await getTranslations();
  const result = await sendTestMessage(
    actor,
    { channel: String(formData.get("channel") ?? ""), to: String(formData.get("to") ?? "") },
    await requestMeta(),
  );
  if (!result.ok) return formError(t, result, formValues(formData));
  return {
    status: "success",
    values: formValues(formData),
    data: result.value.stored ? "stored" : "sent",
  };
}
