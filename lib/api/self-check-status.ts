import "server-only";
import { db } from "@/lib/db";
import type { ApiActor } from "@/lib/auth/actor";
import { assertCan, inCollegeScope } from "@/lib/auth/policy";
import { fail, ok, type Result } from "@/lib/core/result";
import type { CampaignRef } from "@/lib/progress/campaign";
import { progressBy } from "@/lib/progress/counts";

type Counts = { records: number; registered: number; viewed: number; confirmed: number; reported: number };
export type CollegeStatus = Counts & { collegeCode: string; collegeName: string };
export type SelfCheckStatus = {
  cohort: string;
  campaign: { id: string; name: string; level: string; startsAt: string; endsAt: string } | null;
  colleges: CollegeStatus[];
  totals: Counts;
};

/** The campaign counted: the one asked for, else the cohort's open one, else its most recent. */
async function pickCampaign(
  cohort: string,
  campaignId: string | undefined,
  now: Date,
): Promise<CampaignRef | null> {
  if (campaignId) return db.campaign.findFirst({ where: { id: campaignId, cohort } });
  return (
    (await db.campaign.findFirst({
      where: { cohort, startsAt: { lte: now }, endsAt: { gt: now } },
      orderBy: { startsAt: "desc" },
    })) ?? (await db.campaign.findFirst({ where: { cohort }, orderBy: { startsAt: "desc" } }))
  );
}

/**
 * Registered / viewed / confirmed / reported per college for one cohort — the college and registrar
 * dashboards' own counts (lib/progress/counts.ts), within the token's college scope. Another college's code
 * is "not found", exactly like an unknown code.
 */
export async function selfCheckStatus(
  actor: ApiActor,
  query: { cohort: string; collegeCode?: string; campaignId?: string },
  now: Date = new Date(),
): Promise<Result<SelfCheckStatus>> {
  assertCan(actor, "progress.viewCollege");
  let onlyCollegeId: string | undefined;
  if (query.collegeCode) {
    const college = await db.college.findUnique({ where: { code: query.collegeCode }, select: { id: true } });
    if (!college || !inCollegeScope(actor, college.id)) return fail("api.status.collegeNotFound");
    onlyCollegeId = college.id;
  }
  const campaign = await pickCampaign(query.cohort, query.campaignId, now);
  if (query.campaignId && !campaign) return fail("api.status.campaignNotFound");

  // A cohort without any campaign still has records and registrations: count them against a campaign that
  // matches no self-check (every level of the cohort), so viewed/confirmed/reported are 0.
  const counted: CampaignRef = campaign ?? {
    id: "",
    name: "",
    cohort: query.cohort,
    level: "",
    startsAt: new Date(0),
    endsAt: new Date(0),
  };
  const groups = await progressBy(
    actor,
    counted,
    "college",
    onlyCollegeId ? { collegeId: onlyCollegeId } : {},
  );
  const ids = onlyCollegeId ? [onlyCollegeId] : groups.map((g) => g.id);
  const colleges = await db.college.findMany({ where: { id: { in: ids } }, orderBy: { code: "asc" } });
  const byId = new Map(groups.map((g) => [g.id, g]));
  const rows: CollegeStatus[] = colleges.map((c) => {
    const g = byId.get(c.id);
    return {
      collegeCode: c.code,
      collegeName: c.name,
      records: g?.total ?? 0,
      registered: g?.registered ?? 0,
      viewed: g?.viewed ?? 0,
      confirmed: g?.confirmed ?? 0,
      reported: g?.reported ?? 0,
    };
  });
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
