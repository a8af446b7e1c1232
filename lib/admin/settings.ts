import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { fieldFail, ok, type FieldErrors, type Result } from "@/lib/core/result";
import { env } from "@/lib/env";
import { audit } from "@/lib/security/audit";
import {
  forgetCachedSettings,
  codeLifetimeMinutes,
  collegeContacts,
  emailProviderName,
  registrarContact,
  retentionDays,
  schoolName,
  securityQuestionsEnabled,
  SETTING_KEYS,
  outboxAllowed,
  smsProviderName,
  workingCalendar,
  messageSignature,
  portalAddressSetting,
  renewCachedSettings,
} from "@/lib/settings";
import { SETTINGS_FIELD_KEYS, sectionSchemas, type SettingsSection } from "./settings-schemas";
import { fieldErrorsFrom } from "@/lib/core/zod-issues";

/** Whether each provider has what it needs in the environment (credentials never live in the database). */
export function providerReadiness() {
  const e = env();
  return {
    sms: {
      outbox: outboxAllowed(),
      aliyun: !!(
        e.SMS_ALIYUN_ACCESS_KEY_ID &&
        e.SMS_ALIYUN_ACCESS_KEY_SECRET &&
        e.SMS_ALIYUN_SIGN_NAME &&
        e.SMS_ALIYUN_TEMPLATE_CODE
      ),
    },
    email: { outbox: outboxAllowed(), smtp: !!e.SMTP_URL },
  };
}

/** Every setting as the admin page shows it. */
export async function readSettings(actor: Actor) {
  assertCan(actor, "settings.manage");
  await renewCachedSettings();
  const [school, contact, colleges, lifetime, questions, sms, email, retention, calendar, sign, address] =
    await Promise.all([
      schoolName(),
      registrarContact(),
      collegeContactRows(),
      codeLifetimeMinutes(),
      securityQuestionsEnabled(),
      smsProviderName(),
      emailProviderName(),
      retentionDays(),
      workingCalendar(),
      messageSignature(),
      portalAddressSetting(),
    ]);
  return {
    general: { schoolName: school },
    contact,
    collegeContacts: { contacts: colleges },
    codes: { codeLifetimeMinutes: lifetime, securityQuestions: questions },
    messaging: { smsProvider: sms, emailProvider: email, readiness: providerReadiness() },
    retention,
    calendar,
    signature: { signature: sign, portalAddress: address },
  };
}

type Current = Awaited<ReturnType<typeof readSettings>>;

/** Errors of the college contact table at their cell: colleges.<row>.<field>. */
function collegeRowErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const [, row, field] = issue.path;
    const name =
      typeof row === "number" && typeof field === "string" ? `colleges.${row}.${field}` : "contacts";
    out[name] ??= { key: SETTINGS_FIELD_KEYS[String(field)] ?? "admin.errors.invalid" };
  }
  return out;
}

/** Every college (in code order) with its contact, empty when none is set. */
async function collegeContactRows() {
  const [colleges, contacts] = await Promise.all([
    db.college.findMany({
      select: { id: true, code: true, name: true },
      orderBy: { code: "asc" },
      take: 500,
    }),
    collegeContacts(),
  ]);
  return colleges.map((c) => ({
    collegeId: c.id,
    code: c.code,
    name: c.name,
    ...(contacts[c.id] ?? { phone: "", office: "", email: "", hours: "" }),
  }));
}

/** The Setting rows a section writes, from validated input. */
function rowsFor(section: SettingsSection, data: Record<string, unknown>): Record<string, unknown> {
  switch (section) {
    case "general":
      return { [SETTING_KEYS.schoolName]: data.schoolName };
    case "contact":
      return { [SETTING_KEYS.registrarContact]: data };
    case "collegeContacts": {
      // Rows left empty are not stored; a college that no longer exists is dropped on the next save.
      const rows = data.contacts as {
        collegeId: string;
        phone: string;
        office: string;
        email: string;
        hours: string;
      }[];
      return {
        [SETTING_KEYS.collegeContacts]: Object.fromEntries(
          rows
            .filter((r) => r.phone || r.office || r.email || r.hours)
            .map(({ collegeId, ...contact }) => [collegeId, contact]),
        ),
      };
    }
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
    case "calendar":
      return { [SETTING_KEYS.workingCalendar]: data };
    case "signature":
      return {
        [SETTING_KEYS.messageSignature]: data.signature,
        [SETTING_KEYS.portalAddress]: data.portalAddress,
      };
  }
}

function beforeOf(section: SettingsSection, current: Current): unknown {
  if (section === "messaging") {
    const { smsProvider, emailProvider } = current.messaging;
    return { smsProvider, emailProvider };
  }
  if (section === "collegeContacts")
    return current.collegeContacts.contacts.map(({ collegeId, phone, office, email, hours }) => ({
      collegeId,
      phone,
      office,
      email,
      hours,
    }));
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
  if (!parsed.success && section === "collegeContacts") return fieldFail(collegeRowErrors(parsed.error));
  if (!parsed.success && section === "calendar" && parsed.error.issues.some((i) => i.message === "overlap"))
    return fieldFail({ workdays: { key: "admin.settings.errors.calendarOverlap" } });
  if (!parsed.success) return fieldFail(fieldErrorsFrom(parsed.error, SETTINGS_FIELD_KEYS));
  const data = parsed.data as Record<string, unknown>;
  if (section === "collegeContacts") {
    const ids = (data.contacts as { collegeId: string }[]).map((r) => r.collegeId);
    const known = await db.college.count({ where: { id: { in: ids } } });
    if (known !== new Set(ids).size)
      return fieldFail({ contacts: { key: "admin.settings.errors.unknownCollege" } });
  }
  if (section === "messaging") {
    const ready = providerReadiness();
    if (!outboxAllowed())
      for (const field of ["smsProvider", "emailProvider"] as const)
        if (data[field] === "outbox")
          return fieldFail({ [field]: { key: "admin.settings.errors.outboxInProduction" } });
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
