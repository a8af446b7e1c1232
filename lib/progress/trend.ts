import "server-only";
import { readRaw, databaseUrl, providerOf } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, collegeScope } from "@/lib/auth/policy";
import { recordScopeSql, scopeKey } from "@/lib/auth/scope-sql";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { coveredLevels, type CampaignRef } from "./campaign";
import { KeptValues } from "@/lib/core/kept-values";

export type TrendPoint = { day: string; confirmed: number; cumulative: number; rate: number };

/** YYYY-MM-DD of an instant in the school's time zone (Asia/Shanghai, UTC+8 all year). */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Confirmations per day are a count over every confirmed self-check of the campaign (tens of thousands of
 * rows), the same for everyone with the same scope and only a chart: the served app keeps each for 30 s.
 * The counts beside the chart come from the exact summary (lib/progress/summary.ts). Tests and
 * development count every time.
 */
const keptTrends = new KeptValues<Map<string, number>>(30_000, 500);

/**
 * 核查率 by day since the window opened: confirmations per Shanghai day, cumulated, as a share of the
 * records the campaign covers in the actor's scope. Days without confirmations are filled in.
 */
export async function checkRateTrend(
  actor: Actor,
  campaign: CampaignRef,
  total: number,
  now: Date = new Date(),
): Promise<TrendPoint[]> {
  assertCan(actor, "progress.viewCollege");
  const scope = collegeScope(actor);
  if (scope !== "all" && scope.length === 0) return [];
  const levels = coveredLevels(campaign);
  const day =
    providerOf(databaseUrl()) === "postgresql"
      ? Prisma.sql`to_char(s."confirmedAt" + interval '8 hours', 'YYYY-MM-DD')`
      : Prisma.sql`date(s."confirmedAt", '+8 hours')`;
  const conditions = [
    Prisma.sql`s."campaignId" = ${campaign.id}`,
    Prisma.sql`s."confirmedAt" IS NOT NULL`,
    Prisma.sql`r."cohort" = ${campaign.cohort.trim()}`,
    levels ? Prisma.sql`r."level" IN (${Prisma.join(levels)})` : Prisma.empty,
    recordScopeSql(actor, "r") ?? Prisma.empty,
  ].filter((c) => c !== Prisma.empty);
  const perDay = await keptTrends.get(`${campaign.id}|${scopeKey(actor)}`, async () => {
    const rows = await readRaw<{ day: string; n: unknown }[]>`
      SELECT ${day} AS "day", COUNT(*) AS "n"
      FROM "SelfCheck" s JOIN "EnrollmentRecord" r ON r."id" = s."recordId"
      WHERE ${Prisma.join(conditions, " AND ")}
      GROUP BY ${day}`;
    return new Map(rows.map((r) => [r.day, Number(r.n)]));
  });
  const first = shanghaiDay(campaign.startsAt);
  const lastInstant = now < campaign.endsAt ? now : campaign.endsAt;
  const last = shanghaiDay(lastInstant);
  const points: TrendPoint[] = [];
  let cumulative = 0;
  // confirmations dated before the window (clock skew, test data) count on the first day
  for (const [d, n] of perDay) if (d < first) cumulative += n;
  for (let d = first, guard = 0; d <= last && guard < 400; guard++) {
    const confirmed = perDay.get(d) ?? 0;
    cumulative += confirmed;
    points.push({
      day: d,
      confirmed,
      cumulative,
      rate: total === 0 ? 0 : Math.round((cumulative / total) * 1000) / 10,
    });
    d = new Date(Date.parse(d + "T00:00:00Z") + 86_400_000).toISOString().slice(0, 10);
  }
  return points;
}
