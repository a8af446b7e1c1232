import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { fieldFail, ok, type FieldErrors, type Result } from "@/lib/core/result";
import { audit } from "@/lib/security/audit";
import { forgetCachedSettings, SETTING_KEYS } from "@/lib/settings";
import {
  MESSAGE_TEMPLATES,
  TEMPLATE_KEYS,
  templateDef,
  templateProblem,
  templateText,
  type TemplateKey,
  type TemplateLang,
  type TemplateOverrides,
} from "./templates";
import { templateOverrides } from "./texts";

export type TemplateView = {
  key: TemplateKey;
  channel: string;
  langs: TemplateLang[];
  placeholders: { name: string; required: boolean }[];
  texts: Partial<Record<TemplateLang, string>>;
  defaults: Partial<Record<TemplateLang, string>>;
  customised: boolean;
};

/** Every template as the admin page shows it: current text per language, default, placeholders. */
export async function listTemplates(actor: Actor): Promise<TemplateView[]> {
  assertCan(actor, "settings.manage");
  const overrides = await templateOverrides();
  return TEMPLATE_KEYS.map((key) => {
    const def = templateDef(key);
    return {
      key,
      channel: def.channel,
      langs: [...def.langs],
      placeholders: Object.entries(def.placeholders).map(([name, required]) => ({ name, required })),
      texts: Object.fromEntries(def.langs.map((l) => [l, templateText(overrides, key, l)])),
      defaults: { ...def.defaults },
      customised: !!overrides[key] && Object.keys(overrides[key] ?? {}).length > 0,
    };
  });
}

async function writeOverrides(
  actor: Actor,
  action: string,
  key: TemplateKey,
  next: TemplateOverrides,
  before: unknown,
  after: unknown,
  ip?: string | null,
) {
  const json = JSON.stringify(next);
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key: SETTING_KEYS.messageTemplates },
      create: { key: SETTING_KEYS.messageTemplates, value: json },
      update: { value: json },
    });
    await audit(tx, actor, { action, targetType: "messageTemplate", targetId: key, before, after, ip });
  });
  forgetCachedSettings();
}

/**
 * Saves the admin's text of a template, every language it is sent in. A text missing a required
 * placeholder or using one the template does not have is refused at its field, naming them; nothing is
 * saved then. A text equal to the default is not stored (the template stays "default").
 */
export async function saveTemplate(
  actor: Actor,
  key: string,
  input: Partial<Record<string, string>>,
  meta: { ip?: string | null } = {},
): Promise<Result<{ key: TemplateKey }>> {
  assertCan(actor, "settings.manage");
  if (!Object.hasOwn(MESSAGE_TEMPLATES, key)) return fieldFail({ key: { key: "admin.errors.invalid" } });
  const k = key as TemplateKey;
  const def = templateDef(k);
  const errors: FieldErrors = {};
  const texts: Partial<Record<TemplateLang, string>> = {};
  for (const lang of def.langs) {
    const text = (input[lang] ?? "").replace(/\r\n/g, "\n").trim();
    const problem = templateProblem(k, text, lang);
    if (problem) errors[lang] = problem;
    else if (text !== def.defaults[lang]) texts[lang] = text;
  }
  if (Object.keys(errors).length > 0) return fieldFail(errors);
  const current = await templateOverrides();
  const before = current[k] ?? null;
  const next: TemplateOverrides = { ...current };
  if (Object.keys(texts).length > 0) next[k] = texts;
  else delete next[k];
  await writeOverrides(actor, "messages.templateUpdate", k, next, before, texts, meta.ip);
  return ok({ key: k });
}

/** Puts a template back to its default text (audited with the text it replaced). */
export async function resetTemplate(
  actor: Actor,
  key: string,
  meta: { ip?: string | null } = {},
): Promise<Result<{ key: TemplateKey }>> {
  assertCan(actor, "settings.manage");
  if (!Object.hasOwn(MESSAGE_TEMPLATES, key)) return fieldFail({ key: { key: "admin.errors.invalid" } });
  const k = key as TemplateKey;
  const current = await templateOverrides();
  const next: TemplateOverrides = { ...current };
  delete next[k];
  await writeOverrides(actor, "messages.templateReset", k, next, current[k] ?? null, null, meta.ip);
  return ok({ key: k });
}
