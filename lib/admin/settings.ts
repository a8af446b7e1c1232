import "server-only";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { fieldFail, ok, type Result } from "@/lib/core/result";
import { env } from "@/lib/env";
import { audit } from "@/lib/security/audit";
import {
  forgetCachedSettings,
  codeLifetimeMinutes,
  emailProviderName,
  registrarContact,
  retentionDays,
  schoolName,
  securityQuestionsEnabled,
  SETTING_KEYS,
  smsProviderName,
} from "@/lib/settings";
import { SETTINGS_FIELD_KEYS, sectionSchemas, type SettingsSection } from "./settings-schemas";
import { fieldErrorsFrom } from "./zod-errors";

/** Whether each provider has what it needs in the environment (credentials never live in the database). */
export function providerReadiness() {
  const e = env();
  return {
    sms: {
      outbox: true,
      aliyun: !!(
        e.SMS_ALIYUN_ACCESS_KEY_ID &&
        e.SMS_ALIYUN_ACCESS_KEY_SECRET &&
        e.SMS_ALIYUN_SIGN_NAME &&
        e.SMS_ALIYUN_TEMPLATE_CODE
      ),
    },
    email: { outbox: true, smtp: !!e.SMTP_URL },
  };
}

/** Every setting as the admin page shows it. */
export async function readSettings(actor: Actor) {
  assertCan(actor, "settings.manage");
  const [school, contact, lifetime, questions, sms, email, retention] = await Promise.all([
    schoolName(),
    registrarContact(),
    codeLifetimeMinutes(),
    securityQuestionsEnabled(),
    smsProviderName(),
    emailProviderName(),
    retentionDays(),
  ]);
  return {
    general: { schoolName: school },
    contact,
    codes: { codeLifetimeMinutes: lifetime, securityQuestions: questions },
    messaging: { smsProvider: sms, emailProvider: email, readiness: providerReadiness() },
    retention,
  };
}

type Current = Awaited<ReturnType<typeof readSettings>>;

/** The Setting rows a section writes, from validated input. */
function rowsFor(section: SettingsSection, data: Record<string, unknown>): Record<string, unknown> {
  switch (section) {
    case "general":
      return { [SETTING_KEYS.schoolName]: data.schoolName };
    case "contact":
      return { [SETTING_KEYS.registrarContact]: data };
    case "codes":
      return {
        [SETTING_KEYS.codeLifetimeMinutes]: data.codeLifetimeMinutes,
        [SETTING_KEYS.securityQuestions]: data.securityQuestions,
      };
    case "messaging":
      return {
        [SETTING_KEYS.smsProvider]: data.smsProvider,
        [SETTING_KEYS.emailProvider]: data.emailProvider,
      };
    case "retention":
      return { [SETTING_KEYS.retention]: data };
  }
}

function beforeOf(section: SettingsSection, current: Current): unknown {
  if (section === "messaging") {
    const { smsProvider, emailProvider } = current.messaging;
    return { smsProvider, emailProvider };
  }
  return current[section];
}

async function upsertSetting(tx: Pick<Tx, "setting">, key: string, value: unknown) {
  const json = JSON.stringify(value);
  await tx.setting.upsert({ where: { key }, create: { key, value: json }, update: { value: json } });
}

/**
 * Validates and saves one section of the settings, with an audit entry holding the values before and
 * after. A provider can only be chosen when the environment holds its credentials.
 */
export async function updateSettings<S extends SettingsSection>(
  actor: Actor,
  section: S,
  input: Record<string, unknown>,
  meta: { ip?: string | null } = {},
): Promise<Result<{ section: S }>> {
  assertCan(actor, "settings.manage");
  const parsed = sectionSchemas[section].safeParse(input);
  if (!parsed.success) return fieldFail(fieldErrorsFrom(parsed.error, SETTINGS_FIELD_KEYS));
  const data = parsed.data as Record<string, unknown>;
  if (section === "messaging") {
    const ready = providerReadiness();
    if (!ready.sms[data.smsProvider as "outbox" | "aliyun"])
      return fieldFail({ smsProvider: { key: "admin.settings.errors.notConfigured" } });
    if (!ready.email[data.emailProvider as "outbox" | "smtp"])
      return fieldFail({ emailProvider: { key: "admin.settings.errors.notConfigured" } });
  }
  const before = beforeOf(section, await readSettings(actor));
  await db.$transaction(async (tx) => {
    for (const [key, value] of Object.entries(rowsFor(section, data))) await upsertSetting(tx, key, value);
    await audit(tx, actor, {
      action: "settings.update",
      targetType: "settings",
      targetId: section,
      before,
      after: data,
      ip: meta.ip,
    });
  });
  forgetCachedSettings();
  return ok({ section });
}
