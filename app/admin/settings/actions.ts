"use server";

import { z } from "zod";
import { text } from "@/lib/core/form-fields";
import { staffAction } from "@/lib/auth/action";
import type { FormState } from "@/lib/core/form-state";
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

const isSection = (value: unknown): value is SettingsSection =>
  (SETTINGS_SECTIONS as readonly unknown[]).includes(value);

/** One section of 系统设置; its fields are checked by the service against that section's schema. */
export const saveSettingsAction = staffAction(
  "settings.manage",
  z.object({ section: z.enum(SETTINGS_SECTIONS), fields: z.record(z.string(), z.unknown()) }),
  async (actor, input) => updateSettings(actor, input.section, input.fields, await requestMeta()),
  {
    invalid: "admin.errors.invalid",
    read: (formData) => {
      const section = formData.get("section");
      return { section, fields: isSection(section) ? inputFor(section, formData) : {} };
    },
    revalidate: () => [{ path: "/", type: "layout" }],
  },
);

/** Saves a message template (intent "save") or puts it back to its default (intent "reset"). */
export const saveTemplateAction = staffAction(
  "settings.manage",
  z.object({ key: text(2000), intent: text(2000), "zh-CN": text(20_000), en: text(20_000) }),
  async (actor, input) => {
    const meta = await requestMeta();
    return input.intent === "reset"
      ? resetTemplate(actor, input.key, meta)
      : saveTemplate(actor, input.key, { "zh-CN": input["zh-CN"], en: input.en }, meta);
  },
  {
    invalid: "admin.errors.invalid",
    revalidate: () => ["/admin/settings"],
    onOk: (_, input): FormState => ({
      status: "success",
      data: input.intent === "reset" ? "reset" : "saved",
    }),
  },
);

/** Sends a test SMS or e-mail to what the admin typed; the result (or the provider's error) is shown. */
export const sendTestMessageAction = staffAction(
  "settings.manage",
  z.object({ channel: text(2000), to: text(2000) }),
  async (actor, input) => sendTestMessage(actor, input, await requestMeta()),
  {
    invalid: "admin.errors.invalid",
    onOk: (value, _input, { values }): FormState => ({
      status: "success",
      values,
      data: value.stored ? "stored" : "sent",
    }),
  },
);
