import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { fail, fieldFail, ok, type Result } from "@/lib/core/result";
import { parseListParams, type ListParams, type ListSpec } from "@/lib/core/list-params";
import { audit } from "@/lib/security/audit";
import { forgetCachedCampaigns } from "@/lib/progress/campaign";
import { rebuildCampaignProgress } from "@/lib/progress/summary";
import { levelKey } from "@/lib/records/campaign-scope";
import type { Tx } from "@/lib/db/client";
import { fieldErrorsFrom } from "@/lib/core/zod-issues";

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
    const ownKey = (issue: { message: string }) =>
      issue.message.startsWith("registrar.campaigns.") ? issue.message : undefined;
    return fieldFail(fieldErrorsFrom(parsed.error, ownKey, "registrar.campaigns.errors.invalid"));
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

/** Whether two campaign levels cover a common record ("全部" or empty covers every level). */
function levelsOverlap(a: string, b: string): boolean {
  const [x, y] = [levelKey(a), levelKey(b)];
  return x === "" || y === "" || x === "全部" || y === "全部" || x === y;
}

/**
 * Campaigns that would cover the same students at the same time: same cohort, overlapping levels and
 * overlapping windows. Two such campaigns split one student's self-check between them unnoticed.
 */
async function overlapping(tx: Tx, c: Parsed, exceptId?: string) {
  const sameTime = await tx.campaign.findMany({
    where: {
      cohort: c.cohort,
      startsAt: { lt: c.endsAt },
      endsAt: { gt: c.startsAt },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true, name: true, level: true },
    orderBy: { startsAt: "asc" },
  });
  return sameTime.filter((o) => levelsOverlap(o.level, c.level));
}

/** An overlap is refused unless the registrar ticked "create it anyway" (confirmOverlap = "yes"). */
function overlapRefusal(others: { name: string }[], input: unknown) {
  const confirmed = (input as { confirmOverlap?: unknown } | null)?.confirmOverlap === "yes";
  if (others.length === 0 || confirmed) return null;
  return fieldFail({
    confirmOverlap: {
      key: "registrar.campaigns.errors.overlap",
      params: { count: others.length, names: others.map((o) => o.name).join("、") },
    },
  });
}

const snapshot = (c: Parsed) => ({
  ...c,
  startsAt: c.startsAt.toISOString(),
  endsAt: c.endsAt.toISOString(),
});

/** An audit note of the overlaps the registrar confirmed. */
const overlapNote = (others: { id: string }[]) =>
  others.length ? { overlapConfirmed: others.map((o) => o.id) } : {};

/** The campaign list's sortable columns (a university has a few campaigns a year: sorted after reading). */
export const CAMPAIGN_LIST: ListSpec<"name" | "scope" | "students" | "window" | "state"> = {
  sorts: ["window", "name", "scope", "students", "state"],
  defaultSort: "window",
  defaultDir: "desc",
};
export type CampaignSort = (typeof CAMPAIGN_LIST.sorts)[number];
export const campaignListParams = (raw: Record<string, unknown>) => parseListParams(CAMPAIGN_LIST, raw);

export type CampaignState = "upcoming" | "open" | "closed";
export const campaignState = (c: { startsAt: Date; endsAt: Date }, now = new Date()): CampaignState =>
  now < c.startsAt ? "upcoming" : now >= c.endsAt ? "closed" : "open";
const STATE_ORDER: Record<CampaignState, number> = { open: 0, upcoming: 1, closed: 2 };

/** The campaigns with how many students each covers (from the dashboards' summary), in the chosen order. */
export async function listCampaigns(
  actor: Actor,
  order: Pick<ListParams<CampaignSort>, "sort" | "dir"> = { sort: "window", dir: "desc" },
) {
  assertCan(actor, "campaign.manage");
  const [campaigns, totals] = await Promise.all([
    db.campaign.findMany({ orderBy: { startsAt: "desc" } }),
    db.progressSummary.groupBy({ by: ["campaignId"], _sum: { total: true } }),
  ]);
  const covered = new Map(totals.map((t) => [t.campaignId, t._sum.total ?? 0]));
  const now = new Date();
  const rows = campaigns.map((c) => ({
    ...c,
    students: covered.get(c.id) ?? 0,
    state: campaignState(c, now),
  }));
  const key: Record<CampaignSort, (c: (typeof rows)[number]) => string | number> = {
    name: (c) => c.name,
    scope: (c) => `${c.cohort} ${c.level}`,
    students: (c) => c.students,
    window: (c) => c.startsAt.getTime(),
    state: (c) => STATE_ORDER[c.state],
  };
  const by = key[order.sort];
  const sign = order.dir === "desc" ? -1 : 1;
  // ties keep the newest window first
  return rows.sort((a, b) => {
    const x = by(a);
    const y = by(b);
    const c =
      typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "zh-CN");
    return c !== 0 ? sign * c : b.startsAt.getTime() - a.startsAt.getTime();
  });
}

export async function getCampaign(actor: Actor, id: string) {
  assertCan(actor, "campaign.manage");
  return db.campaign.findUnique({ where: { id } });
}

/** After a campaign was written (or a write failed): this instance's cached campaign list is read again. */
async function forgettingCampaigns<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } finally {
    forgetCachedCampaigns();
  }
}

/** 自查批次 create (SPEC §6): cohort, level, name, window start and end (end after start). */
export async function createCampaign(actor: Actor, input: unknown): Promise<Result<{ id: string }>> {
  assertCan(actor, "campaign.manage");
  const parsed = parse(input);
  if (!parsed.ok) return parsed;
  return forgettingCampaigns(
    db.$transaction(async (tx): Promise<Result<{ id: string }>> => {
      const others = await overlapping(tx, parsed.value);
      const refused = overlapRefusal(others, input);
      if (refused) return refused;
      const created = await tx.campaign.create({ data: parsed.value });
      await rebuildCampaignProgress(tx, created);
      await audit(tx, actor, {
        action: "campaign.create",
        targetType: "Campaign",
        targetId: created.id,
        after: { ...snapshot(parsed.value), ...overlapNote(others) },
      });
      return ok({ id: created.id });
    }),
  );
}

export async function updateCampaign(
  actor: Actor,
  id: string,
  input: unknown,
): Promise<Result<{ id: string }>> {
  assertCan(actor, "campaign.manage");
  const parsed = parse(input);
  if (!parsed.ok) return parsed;
  return forgettingCampaigns(
    db.$transaction(async (tx): Promise<Result<{ id: string }>> => {
      const before = await tx.campaign.findUnique({ where: { id } });
      if (!before) return fail("registrar.campaigns.errors.notFound");
      const others = await overlapping(tx, parsed.value, id);
      const refused = overlapRefusal(others, input);
      if (refused) return refused;
      const updated = await tx.campaign.update({ where: { id }, data: parsed.value });
      // cohort or level may have changed: another set of records
      await rebuildCampaignProgress(tx, updated);
      await audit(tx, actor, {
        action: "campaign.update",
        targetType: "Campaign",
        targetId: id,
        before: snapshot(before),
        after: { ...snapshot(parsed.value), ...overlapNote(others) },
      });
      return ok({ id });
    }),
  );
}

/** Only a campaign nobody has used yet can be deleted: self-checks and reminders belong to their campaign. */
export async function deleteCampaign(actor: Actor, id: string): Promise<Result<{ id: string }>> {
  assertCan(actor, "campaign.manage");
  return forgettingCampaigns(
    db.$transaction(async (tx) => {
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
    }),
  );
}

/** Levels the records carry (the level field's choices, beside 全部). */
export async function knownLevels(): Promise<string[]> {
  // GROUP BY in the database (Prisma's `distinct` would read every record and dedupe in memory)
  const rows = await db.enrollmentRecord.groupBy({ by: ["level"], orderBy: { level: "asc" }, take: 50 });
  return rows.map((r) => r.level);
}

/** Cohorts (入学年份) the records carry, newest first (the cohort field's choices). */
export async function knownCohorts(): Promise<string[]> {
  const rows = await db.enrollmentRecord.groupBy({ by: ["cohort"], orderBy: { cohort: "desc" }, take: 60 });
  return rows.map((r) => r.cohort);
}
