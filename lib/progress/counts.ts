import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, collegeScope } from "@/lib/auth/policy";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { coveredLevels, type CampaignRef } from "./campaign";

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
 * registered / viewed / confirmed / reported per college, major or class group for one campaign, in one
 * grouped query (SPEC §5, semantics shared with /record and the corrections queue):
 *   registered = record.accountId set; viewed = a SelfCheck row exists for (campaign, record);
 *   confirmed = SelfCheck.confirmedAt set; reported = a CorrectionRequest of the record in this campaign,
 *   or SelfCheck.reportedAt set.
 * Only the actor's colleges are counted.
 */
export async function progressBy(
  actor: Actor,
  campaign: CampaignRef,
  groupBy: GroupBy,
  filter: { collegeId?: string; majorId?: string } = {},
): Promise<GroupCounts[]> {
  assertCan(actor, "progress.viewCollege");
  const scope = collegeScope(actor);
  if (scope !== "all" && scope.length === 0) return [];
  const levels = coveredLevels(campaign);
  const column = Prisma.raw(`r."${COLUMN[groupBy]}"`);
  const conditions = [
    Prisma.sql`r."cohort" = ${campaign.cohort.trim()}`,
    levels ? Prisma.sql`r."level" IN (${Prisma.join(levels)})` : Prisma.empty,
    scope === "all" ? Prisma.empty : Prisma.sql`r."collegeId" IN (${Prisma.join(scope)})`,
    filter.collegeId ? Prisma.sql`r."collegeId" = ${filter.collegeId}` : Prisma.empty,
    filter.majorId ? Prisma.sql`r."majorId" = ${filter.majorId}` : Prisma.empty,
  ].filter((c) => c !== Prisma.empty);
  const rows = await db.$queryRaw<
    {
      key: string;
      total: unknown;
      registered: unknown;
      viewed: unknown;
      confirmed: unknown;
      reported: unknown;
    }[]
  >`
    SELECT ${column} AS "key",
      COUNT(*) AS "total",
      SUM(CASE WHEN r."accountId" IS NOT NULL THEN 1 ELSE 0 END) AS "registered",
      SUM(CASE WHEN s."id" IS NOT NULL THEN 1 ELSE 0 END) AS "viewed",
      SUM(CASE WHEN s."confirmedAt" IS NOT NULL THEN 1 ELSE 0 END) AS "confirmed",
      SUM(CASE WHEN s."reportedAt" IS NOT NULL OR EXISTS (
        SELECT 1 FROM "CorrectionRequest" c WHERE c."recordId" = r."id" AND c."campaignId" = ${campaign.id}
      ) THEN 1 ELSE 0 END) AS "reported"
    FROM "EnrollmentRecord" r
    LEFT JOIN "SelfCheck" s ON s."recordId" = r."id" AND s."campaignId" = ${campaign.id}
    WHERE ${Prisma.join(conditions, " AND ")}
    GROUP BY ${column}`;
  const ids = rows.map((r) => r.key);
  const names = await unitNames(groupBy, ids);
  return rows
    .map((r) => ({
      id: r.key,
      name: names.get(r.key)?.name ?? "",
      collegeName: names.get(r.key)?.collegeName,
      total: Number(r.total),
      registered: Number(r.registered ?? 0),
      viewed: Number(r.viewed ?? 0),
      confirmed: Number(r.confirmed ?? 0),
      reported: Number(r.reported ?? 0),
    }))
    .sort(
      (a, b) =>
        (a.collegeName ?? "").localeCompare(b.collegeName ?? "", "zh") || a.name.localeCompare(b.name, "zh"),
    );
}

async function unitNames(
  groupBy: GroupBy,
  ids: string[],
): Promise<Map<string, { name: string; collegeName?: string }>> {
  if (ids.length === 0) return new Map();
  if (ids.length > 900) {
    // a whole university has thousands of class groups; `in` lists stay under SQLite's 999 parameters
    const parts = await Promise.all(
      Array.from({ length: Math.ceil(ids.length / 900) }, (_, i) =>
        unitNames(groupBy, ids.slice(i * 900, i * 900 + 900)),
      ),
    );
    return new Map(parts.flatMap((m) => [...m]));
  }
  if (groupBy === "college") {
    const rows = await db.college.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
    return new Map(rows.map((r) => [r.id, { name: r.name }]));
  }
  const rows =
    groupBy === "major"
      ? await db.major.findMany({
          where: { id: { in: ids } },
          select: { id: true, name: true, college: { select: { name: true } } },
        })
      : await db.classGroup.findMany({
          where: { id: { in: ids } },
          select: { id: true, name: true, college: { select: { name: true } } },
        });
  return new Map(rows.map((r) => [r.id, { name: r.name, collegeName: r.college.name }]));
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
