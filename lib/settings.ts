import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";

/** Settings kept in the database (edited by the admin), with defaults when unset. */
export const registrarContactSchema = z.object({
  phone: z.string().max(50).default(""),
  office: z.string().max(100).default(""),
  email: z.string().max(100).default(""),
  hours: z.string().max(100).default(""),
});
export type RegistrarContact = z.infer<typeof registrarContactSchema>;

async function read(key: string): Promise<unknown> {
  const row = await db.setting.findUnique({ where: { key } });
  if (!row) return undefined;
  try {
    return JSON.parse(row.value);
  } catch {
    return undefined;
  }
}

export async function writeSetting(key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db.setting.upsert({ where: { key }, create: { key, value: json }, update: { value: json } });
}

export async function schoolName(): Promise<string> {
  const value = await read("school.name");
  return typeof value === "string" && value ? value : process.env.SCHOOL_NAME || "示范大学";
}

export async function registrarContact(): Promise<RegistrarContact> {
  const parsed = registrarContactSchema.safeParse((await read("registrar.contact")) ?? {});
  return parsed.success ? parsed.data : registrarContactSchema.parse({});
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
