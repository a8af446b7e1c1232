import "server-only";
import { databaseUrl, db, providerOf } from "@/lib/db";
import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { coveredLevels } from "./campaign";

/**
 * The dashboards' counts kept per (campaign, college, major, class group) in ProgressSummary, so /college
 * and /registrar read a few hundred rows instead of counting 60,000 records with their self-checks.
 *
 * Every write that changes what a campaign counts — a first view, a confirmation, a report, a correction
 * request, a record linked to or taken from an account, a record moved to another class, an import, a
 * campaign created or edited — calls `refreshProgress` for the class groups it touched. That recounts those
 * classes from the records (a class is a few dozen rows), so the summary is exactly what a recount of the
 * whole campaign gives, whatever order writes arrive in:
 *  - SQLite has one writer: every refresh runs alone.
 *  - PostgreSQL (READ COMMITTED): a refresh takes a transaction-level advisory lock per class (and a shared
 *    one per campaign, which a full rebuild takes exclusively) before it counts. Two refreshes of one class
 *    run one after the other, and the second counts in a snapshot taken after the first committed, so the
 *    last writer's count includes every committed write.
 * `rebuildProgress` (npm run progress:rebuild) recounts whole campaigns: after a crash between a write and
 * its refresh, or to check.
 */

type Client = Pick<Tx, "$queryRaw" | "$executeRaw" | "campaign">;
type CampaignScope = { id: string; cohort: string; level: string };

/** Lock namespaces (first key of pg_advisory_xact_lock(int, int)). */
const CAMPAIGN_LOCK = 1_407_001;
const CLASS_LOCK = 1_407_002;

const isPostgres = () => providerOf(databaseUrl()) === "postgresql";

/** The recount of one campaign's records as rows of ProgressSummary, optionally for some classes only. */
function recountSql(campaign: CampaignScope, classGroupIds: readonly string[] | null): Prisma.Sql {
  const levels = coveredLevels(campaign);
  const conditions = [
    Prisma.sql`r."cohort" = ${campaign.cohort.trim()}`,
    levels ? Prisma.sql`r."level" IN (${Prisma.join(levels)})` : null,
    classGroupIds ? Prisma.sql`r."classGroupId" IN (${Prisma.join(classGroupIds)})` : null,
  ].filter((c): c is Prisma.Sql => c !== null);
  // reported = the self-check says so or a correction request of the record names this campaign
  // (lib/progress/counts.ts counted the same way before this table existed).
  return Prisma.sql`
    SELECT ${campaign.id}, r."collegeId", r."majorId", r."classGroupId",
      COUNT(*),
      COUNT(r."accountId"),
      COUNT(s."recordId"),
      COUNT(s."confirmedAt"),
      SUM(CASE WHEN s."reportedAt" IS NOT NULL OR EXISTS (
        SELECT 1 FROM "CorrectionRequest" c WHERE c."campaignId" = ${campaign.id} AND c."recordId" = r."id"
      ) THEN 1 ELSE 0 END),
      SUM(CASE WHEN s."confirmedAt" IS NULL AND r."accountId" IS NOT NULL THEN 1 ELSE 0 END),
      SUM(CASE WHEN s."confirmedAt" IS NULL AND s."recordId" IS NOT NULL THEN 1 ELSE 0 END),
      SUM(CASE WHEN s."confirmedAt" IS NULL AND s."recordId" IS NOT NULL AND r."accountId" IS NOT NULL
        THEN 1 ELSE 0 END)
    FROM "EnrollmentRecord" r
    LEFT JOIN "SelfCheck" s ON s."campaignId" = ${campaign.id} AND s."recordId" = r."id"
    WHERE ${Prisma.join(conditions, " AND ")}
    GROUP BY r."collegeId", r."majorId", r."classGroupId"`;
}

const COLUMNS = Prisma.raw(
  `"campaignId", "collegeId", "majorId", "classGroupId", "total", "registered", "viewed", "confirmed", ` +
    `"reported", "pendingRegistered", "pendingViewed", "pendingRegisteredViewed"`,
);

/** Recounts the given class groups in every campaign (or the given ones), inside `tx`. */
async function refreshIn(tx: Client, classGroupIds: string[], campaignIds?: string[]): Promise<void> {
  const classes = [...new Set(classGroupIds)].filter(Boolean).sort();
  if (classes.length === 0) return;
  const campaigns = await tx.campaign.findMany({
    where: campaignIds ? { id: { in: campaignIds } } : undefined,
    select: { id: true, cohort: true, level: true },
    orderBy: { id: "asc" },
  });
  if (campaigns.length === 0) return;
  if (isPostgres()) {
    for (const c of campaigns)
      await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${CAMPAIGN_LOCK}::int, hashtext(${c.id}))`;
    for (const id of classes)
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CLASS_LOCK}::int, hashtext(${id}))`;
  }
  // ≤ 900 ids per statement: SQLite binds at most 999 parameters.
  for (let i = 0; i < classes.length; i += 900) {
    const chunk = classes.slice(i, i + 900);
    for (const campaign of campaigns) {
      await tx.$executeRaw`DELETE FROM "ProgressSummary"
        WHERE "campaignId" = ${campaign.id} AND "classGroupId" IN (${Prisma.join(chunk)})`;
      await tx.$executeRaw`INSERT INTO "ProgressSummary" (${COLUMNS}) ${recountSql(campaign, chunk)}`;
    }
  }
}

/**
 * Recounts the given class groups (every class a write touched: a record that moved names its old and its
 * new class) in every campaign, or in the given ones. Inside the caller's transaction when one is passed
 * (the write and its count commit together), else in a transaction of its own after the write committed.
 */
export async function refreshProgress(
  classGroupIds: string[],
  options: { campaignIds?: string[]; tx?: Tx } = {},
): Promise<void> {
  if (classGroupIds.length === 0) return;
  if (options.tx) return refreshIn(options.tx, classGroupIds, options.campaignIds);
  await db.$transaction((tx) => refreshIn(tx, classGroupIds, options.campaignIds));
}

/** The class groups of the records an account holds (before a write takes them from it). */
export async function classGroupsOfAccount(
  tx: Pick<Tx, "enrollmentRecord">,
  accountId: string,
): Promise<string[]> {
  const rows = await tx.enrollmentRecord.findMany({
    where: { accountId },
    select: { classGroupId: true },
    distinct: ["classGroupId"],
  });
  return rows.map((r) => r.classGroupId);
}

/**
 * Recounts whole campaigns (all of them by default), each in one transaction: the command
 * `npm run progress:rebuild`, the seed, and the roster import after it commits. Returns rows written.
 */
export async function rebuildProgress(
  options: { campaignIds?: string[]; client?: Db } = {},
): Promise<number> {
  const { campaignIds, client = db } = options;
  const campaigns = await client.campaign.findMany({
    where: campaignIds ? { id: { in: campaignIds } } : undefined,
    select: { id: true, cohort: true, level: true },
    orderBy: { id: "asc" },
  });
  let rows = 0;
  for (const campaign of campaigns) {
    rows += await client.$transaction(async (tx) => {
      if (isPostgres())
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CAMPAIGN_LOCK}::int, hashtext(${campaign.id}))`;
      await tx.$executeRaw`DELETE FROM "ProgressSummary" WHERE "campaignId" = ${campaign.id}`;
      return tx.$executeRaw`INSERT INTO "ProgressSummary" (${COLUMNS}) ${recountSql(campaign, null)}`;
    });
  }
  return rows;
}

/** Removes a campaign's rows and counts it again (a campaign created or whose cohort or level changed). */
export async function rebuildCampaignProgress(tx: Tx, campaign: CampaignScope): Promise<void> {
  if (isPostgres())
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CAMPAIGN_LOCK}::int, hashtext(${campaign.id}))`;
  await tx.$executeRaw`DELETE FROM "ProgressSummary" WHERE "campaignId" = ${campaign.id}`;
  await tx.$executeRaw`INSERT INTO "ProgressSummary" (${COLUMNS}) ${recountSql(campaign, null)}`;
}
