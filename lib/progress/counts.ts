import "server-only";
import { queryJsonRows } from "@/lib/db/json-rows";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, collegeScope } from "@/lib/auth/policy";
import { summaryScopeSql } from "@/lib/auth/scope-sql";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import type { CampaignRef } from "./campaign";
import { sortByNames } from "./name-order";

export type Counts = {
  total: number;
  registered: number;
  viewed: number;
  confirmed: number;
  reported: number;
};
export type GroupCounts = Counts & { id: string; name: string; collegeName?: string };
export type GroupBy = "college" | "major" | "classGroup";

const COLUMN: Record<GroupBy, string> = {
  college: "collegeId",
  major: "majorId",
  classGroup: "classGroupId",
};

export const emptyCounts = (): Counts => ({ total: 0, registered: 0, viewed: 0, confirmed: 0, reported: 0 });

/** Share of `part` in `total` as a percentage with one decimal (0 when there is nobody). */
export function rate(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((part / total) * 1000) / 10;
}

/**
 * registered / viewed / confirmed / reported per college, major or class group for one campaign (SPEC §5,
 * semantics shared with /record and the corrections queue):
 *   registered = record.accountId set; viewed = a SelfCheck row exists for (campaign, record);
 *   confirmed = SelfCheck.confirmedAt set; reported = a CorrectionRequest of the record in this campaign,
 *   or SelfCheck.reportedAt set.
 * Read from ProgressSummary (lib/progress/summary.ts keeps it equal to a recount), so the cost is the
 * number of classes in scope, not of records. Only the actor's colleges are counted.
 */
export async function progressBy(
  actor: Actor,
  campaign: CampaignRef,
  groupBy: GroupBy,
  filter: { collegeId?: string; majorId?: string; classGroupId?: string } = {},
): Promise<GroupCounts[]> {
  assertCan(actor, "progress.viewCollege");
  const scope = collegeScope(actor);
  if (scope !== "all" && scope.length === 0) return [];
  const column = Prisma.raw(`p."${COLUMN[groupBy]}"`);
  const conditions = [
    Prisma.sql`p."campaignId" = ${campaign.id}`,
    summaryScopeSql(actor, "p", campaign.cohort),
    filter.collegeId ? Prisma.sql`p."collegeId" = ${filter.collegeId}` : null,
    filter.majorId ? Prisma.sql`p."majorId" = ${filter.majorId}` : null,
    filter.classGroupId ? Prisma.sql`p."classGroupId" = ${filter.classGroupId}` : null,
  ].filter((c): c is Prisma.Sql => c !== null);
  // Unit names come from the same statement (no follow-up `in` lists of thousands of ids); the rows come as
  // one JSON text (the whole school has ~2,300 classes).
  const names =
    groupBy === "college"
      ? Prisma.sql`u."name" AS "name", NULL AS "collegeName"`
      : Prisma.sql`u."name" AS "name", uc."name" AS "collegeName"`;
  const joins =
    groupBy === "college"
      ? Prisma.sql`LEFT JOIN "College" u ON u."id" = g."key"`
      : Prisma.sql`LEFT JOIN ${Prisma.raw(groupBy === "major" ? '"Major"' : '"ClassGroup"')} u ON u."id" = g."key"
        LEFT JOIN "College" uc ON uc."id" = u."collegeId"`;
  const rows = await queryJsonRows(
    ["key", "name", "collegeName", "total", "registered", "viewed", "confirmed", "reported"],
    Prisma.sql`
      SELECT g.*, ${names}
      FROM (
        SELECT ${column} AS "key",
          SUM(p."total") AS "total",
          SUM(p."registered") AS "registered",
          SUM(p."viewed") AS "viewed",
          SUM(p."confirmed") AS "confirmed",
          SUM(p."reported") AS "reported"
        FROM "ProgressSummary" p
        WHERE ${Prisma.join(conditions, " AND ")}
        GROUP BY ${column}
      ) g
      ${joins}`,
  );
  const groups = rows
    .map((r) => ({
      id: String(r.key),
      name: typeof r.name === "string" ? r.name : "",
      collegeName:
        groupBy === "college" || typeof r.name !== "string" || typeof r.collegeName !== "string"
          ? undefined
          : r.collegeName,
      total: Number(r.total),
      registered: Number(r.registered ?? 0),
      viewed: Number(r.viewed ?? 0),
      confirmed: Number(r.confirmed ?? 0),
      reported: Number(r.reported ?? 0),
    }))
    .filter((r) => r.total > 0);
  return sortByNames(
    groups,
    (g) => g.collegeName ?? "",
    (g) => g.name,
  );
}

export function sumCounts(groups: readonly Counts[]): Counts {
  const total = emptyCounts();
  for (const g of groups) {
    total.total += g.total;
    total.registered += g.registered;
    total.viewed += g.viewed;
    total.confirmed += g.confirmed;
    total.reported += g.reported;
  }
  return total;
}
