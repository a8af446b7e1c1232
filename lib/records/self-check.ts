import "server-only";
import type { StudentActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { fail, ok, type Result } from "@/lib/core/result";
import { db, readRaw } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { OPEN_STATUSES } from "@/lib/corrections/status";
import { allCampaigns, isOpenAt } from "@/lib/progress/campaign";
import { refreshProgress } from "@/lib/progress/summary";
import { audit } from "@/lib/security/audit";
import { campaignCoversRecord } from "./campaign-scope";
import { recordForAccount } from "./matching";

export type OpenCampaign = { id: string; name: string; startsAt: Date; endsAt: Date };

/**
 * The 自查批次 a record is checked in right now: window contains `now`, same cohort, level covered (see
 * campaign-scope.ts); the most recently opened wins when several overlap. Null outside every window.
 * Writes pass `fresh` so the decision rests on the database, not on this instance's kept list.
 */
export async function openCampaignForRecord(
  record: { cohort: string; level: string },
  now: Date = new Date(),
  options: { fresh?: boolean } = {},
): Promise<OpenCampaign | null> {
  const campaign = (await allCampaigns(options)).find(
    (c) => c.cohort === record.cohort && isOpenAt(c, now) && campaignCoversRecord(c, record),
  );
  return campaign
    ? { id: campaign.id, name: campaign.name, startsAt: campaign.startsAt, endsAt: campaign.endsAt }
    : null;
}

type CheckedRecord = { id: string; cohort: string; level: string; classGroupId: string };
export type CheckState = { firstViewedAt: Date; confirmedAt: Date | null; confirmedVersion: number | null };

/** A repeated view refreshes lastViewedAt at most this often: opening the page is not a write each time. */
const VIEW_TOUCH_MS = 10 * 60_000;
const checkSelect = { firstViewedAt: true, confirmedAt: true, confirmedVersion: true, lastViewedAt: true };

/**
 * The one SelfCheck row of (campaign, record), created on first sight. Read first (the page shows it); a
 * lost creation race (unique campaignId+recordId) reads the winner's row: never a second row, on both
 * databases, without relying on provider-specific upserts. A new row is a new 已查看 in the campaign's
 * counts.
 */
async function touchSelfCheck(
  campaignId: string,
  record: CheckedRecord,
  accountId: string,
  now: Date,
): Promise<CheckState> {
  const where = { campaignId, recordId: record.id };
  // raw: read on every view of /record (see recordsForAccount)
  const [existing] = await readRaw<(CheckState & { lastViewedAt: Date })[]>`
    SELECT "firstViewedAt", "confirmedAt", "confirmedVersion", "lastViewedAt" FROM "SelfCheck"
    WHERE "campaignId" = ${campaignId} AND "recordId" = ${record.id}`;
  if (existing) {
    if (now.getTime() - existing.lastViewedAt.getTime() >= VIEW_TOUCH_MS)
      await db.selfCheck.updateMany({ where, data: { lastViewedAt: now } });
    return existing;
  }
  try {
    const created = await db.selfCheck.create({
      data: { ...where, accountId, firstViewedAt: now, lastViewedAt: now },
      select: checkSelect,
    });
    await refreshProgress([record.classGroupId], { campaignIds: [campaignId] });
    return created;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return db.selfCheck.findUniqueOrThrow({ where: { campaignId_recordId: where }, select: checkSelect });
  }
}

/** 已查看: recorded only while a campaign covering the record is open. Returns the check's state then. */
export async function markViewed(
  actor: StudentActor,
  record: CheckedRecord,
  now: Date = new Date(),
  campaign?: OpenCampaign | null,
): Promise<CheckState | null> {
  const open = campaign === undefined ? await openCampaignForRecord(record, now) : campaign;
  if (!open) return null;
  const { firstViewedAt, confirmedAt, confirmedVersion } = await touchSelfCheck(
    open.id,
    record,
    actor.accountId,
    now,
  );
  return { firstViewedAt, confirmedAt, confirmedVersion };
}

/**
 * Marks the record as reported (信息有误) in the open campaign, if any (`known`: the one the caller has
 * already read from the database).
 */
export async function markReported(
  accountId: string,
  record: CheckedRecord,
  now: Date = new Date(),
  known?: OpenCampaign | null,
): Promise<string | null> {
  const campaign = known === undefined ? await openCampaignForRecord(record, now, { fresh: true }) : known;
  if (!campaign) return null;
  await touchSelfCheck(campaign.id, record, accountId, now);
  const { count } = await db.selfCheck.updateMany({
    where: { campaignId: campaign.id, recordId: record.id, reportedAt: null },
    data: { reportedAt: now },
  });
  if (count > 0) await refreshProgress([record.classGroupId], { campaignIds: [campaign.id] });
  return campaign.id;
}

export type Confirmation = { confirmedAt: Date; confirmedVersion: number; campaignName: string };

/**
 * 确认无误 (SPEC §4.3). `version` is the record version the page showed: when the record changed since,
 * nothing is stored and the student is shown the new data. Idempotent: a double click, a second tab or a
 * retry after a network error finds the confirmation already there and returns it (one row per campaign
 * and record; the conditional update only fires while unconfirmed or confirmed for an older version).
 */
export async function confirmRecord(
  actor: StudentActor,
  input: { recordId: string; version: number },
  now: Date = new Date(),
): Promise<Result<Confirmation>> {
  assertCan(actor, "selfCheck.confirm");
  const record = await recordForAccount(actor, input.recordId);
  if (!record) return fail("record.errors.notFound");
  const campaign = await openCampaignForRecord(record, now, { fresh: true });
  if (!campaign) return fail("record.selfCheck.errors.noOpenCampaign");
  if (record.version !== input.version) return fail("record.selfCheck.errors.versionChanged");
  const open = await db.correctionRequest.count({
    where: { recordId: record.id, status: { in: [...OPEN_STATUSES] } },
  });
  if (open > 0) return fail("record.selfCheck.errors.correctionOpen");

  await touchSelfCheck(campaign.id, record, actor.accountId, now);
  await db.$transaction(async (tx) => {
    const { count } = await tx.selfCheck.updateMany({
      where: {
        campaignId: campaign.id,
        recordId: record.id,
        OR: [{ confirmedAt: null }, { confirmedVersion: { lt: input.version } }],
      },
      data: { confirmedAt: now, confirmedVersion: input.version },
    });
    if (count > 0) {
      await audit(tx, actor, {
        action: "selfCheck.confirm",
        targetType: "EnrollmentRecord",
        targetId: record.id,
        after: { campaignId: campaign.id, version: input.version },
      });
      await refreshProgress([record.classGroupId], { campaignIds: [campaign.id], tx });
    }
  });
  const row = await db.selfCheck.findUniqueOrThrow({
    where: { campaignId_recordId: { campaignId: campaign.id, recordId: record.id } },
    select: { confirmedAt: true, confirmedVersion: true },
  });
  return ok({
    confirmedAt: row.confirmedAt ?? now,
    confirmedVersion: row.confirmedVersion ?? input.version,
    campaignName: campaign.name,
  });
}
