import "server-only";
import { db } from "@/lib/db";
import type { ApiActor } from "@/lib/auth/actor";
import { assertCan, collegeWhere, inCollegeScope } from "@/lib/auth/policy";
import { fail, ok, type Result } from "@/lib/core/result";
import { levelKey } from "@/lib/records/campaign-scope";

type Counts = { records: number; registered: number; viewed: number; confirmed: number; reported: number };
export type CollegeStatus = Counts & { collegeCode: string; collegeName: string };
export type SelfCheckStatus = {
  cohort: string;
  campaign: { id: string; name: string; level: string; startsAt: string; endsAt: string } | null;
  colleges: CollegeStatus[];
  totals: Counts;
};

/** The campaign counted: the one asked for, else the cohort's open one, else its most recent. */
async function pickCampaign(cohort: string, campaignId: string | undefined, now: Date) {
  if (campaignId) return db.campaign.findFirst({ where: { id: campaignId, cohort } });
  return (
    (await db.campaign.findFirst({
      where: { cohort, startsAt: { lte: now }, endsAt: { gt: now } },
      orderBy: { startsAt: "desc" },
    })) ?? (await db.campaign.findFirst({ where: { cohort }, orderBy: { startsAt: "desc" } }))
  );
}

/** Records a campaign covers (same rule as lib/records/campaign-scope.ts: 普通本科 covers 本科). */
function levelWhere(level: string | undefined) {
  if (level === undefined) return {};
  const key = levelKey(level);
  return key === "" || key === "全部" ? {} : { level: { in: [key, `普通${key}`] } };
}

/**
 * Registered / viewed / confirmed / reported counts per college for one cohort, within the token's college
 * scope (another college's code is "not found", exactly like an unknown code).
 */
export async function selfCheckStatus(
  actor: ApiActor,
  query: { cohort: string; collegeCode?: string; campaignId?: string },
  now: Date = new Date(),
): Promise<Result<SelfCheckStatus>> {
  assertCan(actor, "progress.viewCollege");
  let collegeFilter: { collegeId?: { in: string[] } | string } = collegeWhere(actor);
  if (query.collegeCode) {
    const college = await db.college.findUnique({ where: { code: query.collegeCode }, select: { id: true } });
    if (!college || !inCollegeScope(actor, college.id)) return fail("api.status.collegeNotFound");
    collegeFilter = { collegeId: college.id };
  }
  const campaign = await pickCampaign(query.cohort, query.campaignId, now);
  if (query.campaignId && !campaign) return fail("api.status.campaignNotFound");

  const base = { cohort: query.cohort, ...collegeFilter, ...levelWhere(campaign?.level) };
  const group = (extra: object) =>
    db.enrollmentRecord.groupBy({ by: ["collegeId"], where: { ...base, ...extra }, _count: { _all: true } });
  const none = Promise.resolve([] as { collegeId: string; _count: { _all: number } }[]);
  const [records, registered, viewed, confirmed, reported] = await Promise.all([
    group({}),
    group({ accountId: { not: null } }),
    campaign ? group({ selfChecks: { some: { campaignId: campaign.id } } }) : none,
    campaign ? group({ selfChecks: { some: { campaignId: campaign.id, confirmedAt: { not: null } } } }) : none,
    campaign ? group({ selfChecks: { some: { campaignId: campaign.id, reportedAt: { not: null } } } }) : none,
  ]);
  const tally = (rows: { collegeId: string; _count: { _all: number } }[]) =>
    new Map(rows.map((r) => [r.collegeId, r._count._all]));
  const maps = {
    records: tally(records),
    registered: tally(registered),
    viewed: tally(viewed),
    confirmed: tally(confirmed),
    reported: tally(reported),
  };
  const ids =
    typeof collegeFilter.collegeId === "string" ? [collegeFilter.collegeId] : [...maps.records.keys()];
  const colleges = await db.college.findMany({ where: { id: { in: ids } }, orderBy: { code: "asc" } });
  const rows: CollegeStatus[] = colleges.map((c) => ({
    collegeCode: c.code,
    collegeName: c.name,
    records: maps.records.get(c.id) ?? 0,
    registered: maps.registered.get(c.id) ?? 0,
    viewed: maps.viewed.get(c.id) ?? 0,
    confirmed: maps.confirmed.get(c.id) ?? 0,
    reported: maps.reported.get(c.id) ?? 0,
  }));
  const sum = (k: keyof Counts) => rows.reduce((n, r) => n + r[k], 0);
  return ok({
    cohort: query.cohort,
    campaign: campaign
      ? {
          id: campaign.id,
          name: campaign.name,
          level: campaign.level,
          startsAt: campaign.startsAt.toISOString(),
          endsAt: campaign.endsAt.toISOString(),
        }
      : null,
    colleges: rows,
    totals: {
      records: sum("records"),
      registered: sum("registered"),
      viewed: sum("viewed"),
      confirmed: sum("confirmed"),
      reported: sum("reported"),
    },
  });
}
