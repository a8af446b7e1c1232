import { randomInt } from "node:crypto";
import { db } from "@/lib/db";

/**
 * A cohort (a real year, 20xx) no campaign of this run uses yet, nor the year before it: other tests create
 * campaigns too, and a new campaign for a cohort that already has one in the same window is refused as an
 * overlap.
 */
export async function unusedCohort(): Promise<string> {
  for (;;) {
    const cohort = `20${randomInt(31, 99)}`;
    const taken = await db.campaign.count({
      where: { cohort: { in: [cohort, String(Number(cohort) - 1)] } },
    });
    if (taken === 0) return cohort;
  }
}
