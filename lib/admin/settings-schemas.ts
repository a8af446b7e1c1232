import { z } from "zod";
import { EMAIL_PROVIDERS, SMS_PROVIDERS } from "@/lib/settings";

/** The sections of /admin/settings; each is saved (and audited) on its own. */
export const SETTINGS_SECTIONS = [
  "general",
  "contact",
  "collegeContacts",
  "codes",
  "messaging",
  "retention",
  "calendar",
  "signature",
] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("1"), z.literal(""), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/** Days typed one per line (or separated by spaces, commas or 、), sorted, duplicates dropped. */
const dayListText = z
  .string()
  .max(8000)
  .transform((text) => text.split(/[\s,，、;；]+/).filter(Boolean))
  .refine((days) => days.every(isCalendarDay))
  .refine((days) => days.length <= 400)
  .transform((days) => [...new Set(days)].sort());

export const sectionSchemas = {
  general: z.object({ schoolName: z.string().trim().min(2).max(100) }),
  contact: z.object({
    phone: z.string().trim().max(50),
    office: z.string().trim().max(100),
    email: z.union([z.literal(""), z.string().trim().toLowerCase().email().max(100)]),
    hours: z.string().trim().max(100),
  }),
  collegeContacts: z.object({
    contacts: z
      .array(
        z.object({
          collegeId: z.string().min(1).max(40),
          phone: z.string().trim().max(50),
          office: z.string().trim().max(100),
          email: z.union([z.literal(""), z.string().trim().toLowerCase().email().max(100)]),
          hours: z.string().trim().max(100),
        }),
      )
      .max(500),
  }),
  codes: z.object({
    codeLifetimeMinutes: z.coerce.number().int().min(1).max(1440),
    securityQuestions: checkbox,
  }),
  messaging: z.object({ smsProvider: z.enum(SMS_PROVIDERS), emailProvider: z.enum(EMAIL_PROVIDERS) }),
  retention: z.object({
    idPhotoDays: z.coerce.number().int().min(1).max(3650),
    evidenceDays: z.coerce.number().int().min(1).max(3650),
  }),
  calendar: z
    .object({ holidays: dayListText, workdays: dayListText })
    // a day cannot be both off and a make-up working day: the error goes to the second list
    .refine((c) => !c.workdays.some((d) => c.holidays.includes(d)), {
      path: ["workdays"],
      message: "overlap",
    }),
  signature: z.object({
    signature: z
      .string()
      .trim()
      .regex(/^【[^【】]{2,30}】$/),
    portalAddress: z.union([
      z.literal(""),
      z
        .string()
        .trim()
        .max(200)
        .regex(/^https?:\/\/[^\s/?#]+[^\s]*$/)
        .transform((v) => v.replace(/\/+$/, "")),
    ]),
  }),
} as const;

/** Error message keys per field (admin namespace). */
export const SETTINGS_FIELD_KEYS: Record<string, string> = {
  schoolName: "admin.settings.errors.schoolName",
  phone: "admin.settings.errors.tooLong",
  office: "admin.settings.errors.tooLong",
  email: "admin.settings.errors.email",
  hours: "admin.settings.errors.tooLong",
  codeLifetimeMinutes: "admin.settings.errors.codeLifetime",
  smsProvider: "admin.settings.errors.provider",
  emailProvider: "admin.settings.errors.provider",
  idPhotoDays: "admin.settings.errors.retention",
  evidenceDays: "admin.settings.errors.retention",
  holidays: "admin.settings.errors.calendarDays",
  workdays: "admin.settings.errors.calendarDays",
  signature: "admin.messages.errors.signatureFormat",
  portalAddress: "admin.messages.errors.address",
};
