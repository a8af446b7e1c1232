import "server-only";
import { db } from "@/lib/db";

/** Campaigns whose window contains `now`, newest first. */
export async function openCampaigns(now: Date = new Date()) {
  return db.campaign.findMany({
    where: { startsAt: { lte: now }, endsAt: { gt: now } },
    orderBy: { startsAt: "desc" },
  });
}
