import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { env, secretSettings } from "@/lib/env";
import { forgetPublicPages } from "@/lib/ops/public-page-cache";
import { KeptValues } from "@/lib/core/kept-values";

/** Settings kept in the database (edited by the admin), with defaults when unset. */
export const registrarContactSchema = z.object({
  phone: z.string().max(50).default(""),
  office: z.string().max(100).default(""),
  email: z.string().max(100).default(""),
  hours: z.string().max(100).default(""),
});
export type RegistrarContact = z.infer<typeof registrarContactSchema>;

function parse(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/**
 * Every page reads the school's name (header and footer) and most read a contact or a limit: the served app
 * keeps all settings (a dozen rows) for 10 seconds, and a change made through this process is seen at
 * once. Another instance sees an admin's change within those seconds. Tests and development read the
 * database every time.
 */
const keptSettings = new KeptValues<Map<string, unknown>>(10_000);

export function forgetCachedSettings(): void {
  keptSettings.forget();
  forgetPublicPages(); // the home and help pages show these values
}

function allSettings(options: { fresh?: boolean } = {}): Promise<Map<string, unknown>> {
  const load = () =>
    db.setting.findMany().then((rows) => new Map(rows.map((r) => [r.key, parse(r.value)] as const)));
  return keptSettings.get("", load, options);
}

async function read(key: string): Promise<unknown> {
  if (!keptSettings.keeps) {
    const row = await db.setting.findUnique({ where: { key } });
    return row ? parse(row.value) : undefined;
  }
  return (await allSettings()).get(key);
}

/**
 * Reads the settings from the database now and keeps them: the admin's settings page shows what is stored,
 * not this instance's copy (a save made through another instance would otherwise look lost for seconds).
 */
export async function renewCachedSettings(): Promise<void> {
  if (keptSettings.keeps) await allSettings({ fresh: true });
}

/** Several settings in one read (one query when nothing is cached). */
async function readMany(keys: string[]): Promise<Map<string, unknown>> {
  if (!keptSettings.keeps) {
    const rows = await db.setting.findMany({ where: { key: { in: keys } } });
    return new Map(rows.map((r) => [r.key, parse(r.value)] as const));
  }
  const all = await allSettings();
  return new Map(keys.map((k) => [k, all.get(k)] as const));
}

export async function writeSetting(key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db.setting.upsert({ where: { key }, create: { key, value: json }, update: { value: json } });
  forgetCachedSettings();
}

export async function schoolName(): Promise<string> {
  const value = await read("school.name");
  return typeof value === "string" && value ? value : env().SCHOOL_NAME || "示范大学";
}

export async function registrarContact(): Promise<RegistrarContact> {
  const parsed = registrarContactSchema.safeParse((await read("registrar.contact")) ?? {});
  return parsed.success ? parsed.data : registrarContactSchema.parse({});
}

/** Each college's contact for students (phone, office, e-mail, hours), keyed by college id. */
export const collegeContactsSchema = z.record(z.string().max(40), registrarContactSchema);
export type CollegeContacts = z.infer<typeof collegeContactsSchema>;

export async function collegeContacts(): Promise<CollegeContacts> {
  const parsed = collegeContactsSchema.safeParse((await read("college.contacts")) ?? {});
  return parsed.success ? parsed.data : {};
}

/** Lifetime of SMS / e-mail codes in minutes: 10 by default, at most 24 hours (SPEC §2.1). */
export async function codeLifetimeMinutes(): Promise<number> {
  const value = Number(await read("codes.lifetimeMinutes"));
  return Number.isFinite(value) && value >= 1 && value <= 1440 ? value : 10;
}

export async function securityQuestionsEnabled(): Promise<boolean> {
  const value = await read("recovery.securityQuestions");
  return value !== false;
}

// ───────────── admin-editable settings: keys, schemas and the remaining readers ─────────────

/** Keys of the Setting table (values are JSON). */
export const SETTING_KEYS = {
  schoolName: "school.name",
  registrarContact: "registrar.contact",
  collegeContacts: "college.contacts",
  codeLifetimeMinutes: "codes.lifetimeMinutes",
  securityQuestions: "recovery.securityQuestions",
  smsProvider: "messaging.smsProvider",
  emailProvider: "messaging.emailProvider",
  retention: "retention.days",
  workingCalendar: "calendar.workingDays",
  messageSignature: "messages.signature",
  portalAddress: "messages.portalAddress",
  messageTemplates: "messages.templates",
} as const;

const signatureOf = (value: unknown) =>
  typeof value === "string" && /^【[^【】]+】$/.test(value) ? value : "【学籍自查】";
const addressOf = (value: unknown) => (typeof value === "string" && /^https?:\/\//.test(value) ? value : "");
const templatesOf = (value: unknown): Record<string, Record<string, string>> => {
  const parsed = z.record(z.string(), z.record(z.string(), z.string())).safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
};

/** The signature every SMS and e-mail carries (e.g. 【示范大学学籍自查】). */
export async function messageSignature(): Promise<string> {
  return signatureOf(await read(SETTING_KEYS.messageSignature));
}

/** The portal's public address as the admin set it for messages ("" = not set). */
export async function portalAddressSetting(): Promise<string> {
  return addressOf(await read(SETTING_KEYS.portalAddress));
}

/** The admin's versions of the message templates: { key: { "zh-CN"?: text, en?: text } }. */
export async function messageTemplateOverrides(): Promise<Record<string, Record<string, string>>> {
  return templatesOf(await read(SETTING_KEYS.messageTemplates));
}

/** Signature, address and templates in one read (every message sent needs them). */
export async function messageSettings() {
  const values = await readMany([
    SETTING_KEYS.messageSignature,
    SETTING_KEYS.portalAddress,
    SETTING_KEYS.messageTemplates,
  ]);
  return {
    signature: signatureOf(values.get(SETTING_KEYS.messageSignature)),
    address: addressOf(values.get(SETTING_KEYS.portalAddress)),
    templates: templatesOf(values.get(SETTING_KEYS.messageTemplates)),
  };
}

export const SMS_PROVIDERS = ["outbox", "aliyun"] as const;
export const EMAIL_PROVIDERS = ["outbox", "smtp"] as const;
export type SmsProviderName = (typeof SMS_PROVIDERS)[number];
export type EmailProviderName = (typeof EMAIL_PROVIDERS)[number];

/** Retention of hand-held ID photos after their case closes and of evidence after its request closes. */
export const retentionSchema = z.object({
  idPhotoDays: z.number().int().min(1).max(3650).default(90),
  evidenceDays: z.number().int().min(1).max(3650).default(180),
});
export type RetentionDays = z.infer<typeof retentionSchema>;

/** The SMS provider in use: the admin's choice, else SMS_PROVIDER from the environment. */
export async function smsProviderName(): Promise<SmsProviderName> {
  const value = await read(SETTING_KEYS.smsProvider);
  if (value === "aliyun" || (value === "outbox" && outboxAllowed())) return value;
  return env().SMS_PROVIDER;
}

/**
 * Production mode never sends to the outbox (students would get no code): a stored choice of it — made in
 * demo mode before, or in the database of a restored backup — is ignored there (read fresh, like the keys).
 */
export const outboxAllowed = () => !secretSettings().production;

/** The e-mail provider in use: the admin's choice, else EMAIL_PROVIDER from the environment. */
export async function emailProviderName(): Promise<EmailProviderName> {
  const value = await read(SETTING_KEYS.emailProvider);
  if (value === "smtp" || (value === "outbox" && outboxAllowed())) return value;
  return env().EMAIL_PROVIDER;
}

export async function retentionDays(): Promise<RetentionDays> {
  const parsed = retentionSchema.safeParse((await read(SETTING_KEYS.retention)) ?? {});
  return parsed.success ? parsed.data : retentionSchema.parse({});
}

const dayList = z
  .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/))
  .max(400)
  .catch([]);
const workingCalendarSchema = z.object({ holidays: dayList, workdays: dayList });

/** The holidays and make-up working days (调休) the admin set: the 3-working-day promise counts with them. */
export async function workingCalendar(): Promise<{ holidays: string[]; workdays: string[] }> {
  const parsed = workingCalendarSchema.safeParse((await read(SETTING_KEYS.workingCalendar)) ?? {});
  return parsed.success ? parsed.data : { holidays: [], workdays: [] };
}
