import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { fail, fieldFail, ok, type Result } from "@/lib/core/result";
import { audit } from "@/lib/security/audit";
import { rebuildCampaignProgress } from "@/lib/progress/summary";

/** "YYYY-MM-DDTHH:mm" from a datetime-local input, read as school time (Asia/Shanghai, UTC+8). */
const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export function fromSchoolTime(value: string): Date | null {
  if (!LOCAL_DATETIME.test(value)) return null;
  const d = new Date(`${value}:00+08:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function toSchoolTime(date: Date): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}

export const campaignSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "registrar.campaigns.errors.nameRequired")
    .max(100, "registrar.campaigns.errors.nameTooLong"),
  cohort: z
    .string()
    .trim()
    .regex(/^(19|20)\d{2}$/, "registrar.campaigns.errors.cohort"),
  level: z
    .string()
    .trim()
    .min(1, "registrar.campaigns.errors.levelRequired")
    .max(20, "registrar.campaigns.errors.levelTooLong"),
  startsAt: z.string().trim(),
  endsAt: z.string().trim(),
});
export type CampaignInput = z.infer<typeof campaignSchema>;

type Parsed = { name: string; cohort: string; level: string; startsAt: Date; endsAt: Date };

function parse(input: unknown): Result<Parsed> {
  const parsed = campaignSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, { key: string }> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      fieldErrors[field] ??= {
        key: issue.message.startsWith("registrar.campaigns.")
          ? issue.message
          : "registrar.campaigns.errors.invalid",
      };
    }
    return fieldFail(fieldErrors);
  }
  const startsAt = fromSchoolTime(parsed.data.startsAt);
  const endsAt = fromSchoolTime(parsed.data.endsAt);
  const errors: Record<string, { key: string }> = {};
  if (!startsAt) errors.startsAt = { key: "registrar.campaigns.errors.date" };
  if (!endsAt) errors.endsAt = { key: "registrar.campaigns.errors.date" };
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime())
    errors.endsAt = { key: "registrar.campaigns.errors.endBeforeStart" };
  if (Object.keys(errors).length) return fieldFail(errors);
  return ok({ ...parsed.data, startsAt: startsAt as Date, endsAt: endsAt as Date });
}

const snapshot = (c: Parsed) => ({
  ...c,
  startsAt: c.startsAt.toISOString(),
  endsAt: c.endsAt.toISOString(),
});

export async function listCampaigns(actor: Actor) {
  assertCan(actor, "campaign.manage");
  return db.campaign.findMany({ orderBy: { startsAt: "desc" } });
}

export async function getCampaign(actor: Actor, id: string) {
  assertCan(actor, "campaign.manage");
  return db.campaign.findUnique({ where: { id } });
}

/** 自查批次 create (SPEC §6): cohort, level, name, window start and end (end after start). */
export async function createCampaign(actor: Actor, input: unknown): Promise<Result<{ id: string }>> {
  assertCan(actor, "campaign.manage");
  const parsed = parse(input);
  if (!parsed.ok) return parsed;
  const id = await db.$transaction(async (tx) => {
    const created = await tx.campaign.create({ data: parsed.value });
    await rebuildCampaignProgress(tx, created);
    await audit(tx, actor, {
      action: "campaign.create",
      targetType: "Campaign",
      targetId: created.id,
      after: snapshot(parsed.value),
    });
    return created.id;
  });
  return ok({ id });
}

export async function updateCampaign(
  actor: Actor,
  id: string,
  input: unknown,
): Promise<Result<{ id: string }>> {
  assertCan(actor, "campaign.manage");
  const parsed = parse(input);
  if (!parsed.ok) return parsed;
  const done = await db.$transaction(async (tx) => {
    const before = await tx.campaign.findUnique({ where: { id } });
    if (!before) return false;
    const updated = await tx.campaign.update({ where: { id }, data: parsed.value });
    // cohort or level may have changed: another set of records
    await rebuildCampaignProgress(tx, updated);
    await audit(tx, actor, {
      action: "campaign.update",
      targetType: "Campaign",
      targetId: id,
      before: snapshot(before),
      after: snapshot(parsed.value),
    });
    return true;
  });
  return done ? ok({ id }) : fail("registrar.campaigns.errors.notFound");
}

/** Only a campaign nobody has used yet can be deleted: self-checks and reminders belong to their campaign. */
export async function deleteCampaign(actor: Actor, id: string): Promise<Result<{ id: string }>> {
  assertCan(actor, "campaign.manage");
  return db.$transaction(async (tx) => {
    const campaign = await tx.campaign.findUnique({ where: { id } });
    if (!campaign) return fail("registrar.campaigns.errors.notFound");
    const [checks, reminders, corrections] = await Promise.all([
      tx.selfCheck.count({ where: { campaignId: id } }),
      tx.reminderLog.count({ where: { campaignId: id } }),
      tx.correctionRequest.count({ where: { campaignId: id } }),
    ]);
    if (checks + reminders + corrections > 0) return fail("registrar.campaigns.errors.inUse");
    await tx.campaign.delete({ where: { id } });
    await audit(tx, actor, {
      action: "campaign.delete",
      targetType: "Campaign",
      targetId: id,
      before: snapshot(campaign),
    });
    return ok({ id });
  });
}

/** Levels the records carry (for the level field's suggestions). */
export async function knownLevels(): Promise<string[]> {
  const rows = await db.enrollmentRecord.findMany({ distinct: ["level"], select: { level: true }, take: 50 });
  return rows.map((r) => r.level).sort();
}
