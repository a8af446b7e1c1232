import "server-only";
import { db } from "@/lib/db";
import { levelKey } from "@/lib/records/campaign-scope";

export type CampaignRef = {
  id: string;
  name: string;
  cohort: string;
  level: string;
  startsAt: Date;
  endsAt: Date;
};

/**
 * The campaign a dashboard shows: the one asked for, else the most recently opened campaign whose window
 * is open now, else the most recent one (so progress stays readable after the window closed).
 */
export async function dashboardCampaign(
  campaignId: string | undefined,
  now: Date = new Date(),
): Promise<CampaignRef | null> {
  if (campaignId) {
    const chosen = await db.campaign.findUnique({ where: { id: campaignId } });
    if (chosen) return chosen;
  }
  const open = await db.campaign.findFirst({
    where: { startsAt: { lte: now }, endsAt: { gt: now } },
    orderBy: { startsAt: "desc" },
  });
  return open ?? (await db.campaign.findFirst({ orderBy: { startsAt: "desc" } }));
}

export async function campaignChoices(): Promise<CampaignRef[]> {
  return db.campaign.findMany({ orderBy: { startsAt: "desc" }, take: 50 });
}

/**
 * The record levels a campaign covers, by the rule lib/records/campaign-scope.ts applies to one record:
 * same cohort, level equal once a leading 普通 is ignored; "全部" or empty covers every level.
 * null = no level condition.
 */
export function coveredLevels(campaign: { level: string }): string[] | null {
  const key = levelKey(campaign.level);
  return key === "" || key === "全部" ? null : [key, `普通${key}`];
}
