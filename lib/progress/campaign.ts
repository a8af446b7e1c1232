import "server-only";
import { db } from "@/lib/db";
import { levelKey } from "@/lib/records/campaign-scope";
import { forgetPublicPages } from "@/lib/ops/public-page-cache";
import { KeptValues } from "@/lib/core/kept-values";

export type CampaignRef = {
  id: string;
  name: string;
  cohort: string;
  level: string;
  startsAt: Date;
  endsAt: Date;
};

/**
 * Every page of the dashboards and every /record view reads the campaigns (a few a year): the served app
 * keeps the list for 10 seconds, and a change made through this process (lib/campaigns/manage.ts) is seen
 * at once. Another instance sees a new or edited campaign within those seconds; whether a window is open
 * is decided against the clock at each use. Writes that depend on the window (确认无误, 信息有误) ask for
 * `fresh`: a student sent by the load balancer to an instance that has not yet heard of a campaign must not
 * be refused the confirmation another instance's page offered. Tests and development read the database
 * every time.
 */
const keptCampaigns = new KeptValues<CampaignRef[]>(10_000);

export function forgetCachedCampaigns(): void {
  keptCampaigns.forget();
  forgetPublicPages(); // the home and help pages show these values
}

/** Every campaign, the most recently opened first; `fresh` reads the database and renews the kept list. */
export function allCampaigns(options: { fresh?: boolean } = {}): Promise<CampaignRef[]> {
  const load = () =>
    db.campaign.findMany({
      orderBy: { startsAt: "desc" },
      select: { id: true, name: true, cohort: true, level: true, startsAt: true, endsAt: true },
    });
  return keptCampaigns.get("", load, options);
}

export const isOpenAt = (c: { startsAt: Date; endsAt: Date }, now: Date) =>
  c.startsAt.getTime() <= now.getTime() && c.endsAt.getTime() > now.getTime();

/**
 * The campaign a dashboard shows: the one asked for, else the most recently opened campaign whose window
 * is open now, else the most recent one (so progress stays readable after the window closed).
 */
export async function dashboardCampaign(
  campaignId: string | undefined,
  now: Date = new Date(),
): Promise<CampaignRef | null> {
  const list = await allCampaigns();
  const chosen = campaignId ? list.find((c) => c.id === campaignId) : undefined;
  return chosen ?? list.find((c) => isOpenAt(c, now)) ?? list[0] ?? null;
}

export async function campaignChoices(): Promise<CampaignRef[]> {
  return (await allCampaigns()).slice(0, 50);
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
