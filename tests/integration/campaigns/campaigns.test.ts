import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  createCampaign,
  deleteCampaign,
  fromSchoolTime,
  toSchoolTime,
  updateCampaign,
} from "@/lib/campaigns/manage";
import { collegeActor, registrarActor } from "../roster-import/support";
import { makeAccount, makeCollege } from "../progress/support";
import { unusedCohort } from "./support";

const actor = registrarActor();

describe("campaigns", () => {
  it("creates, validates end after start, updates and audits", async () => {
    const cohort = await unusedCohort();
    const bad = await createCampaign(actor, {
      name: "x",
      cohort,
      level: "本科",
      startsAt: "2026-12-12T08:00",
      endsAt: "2026-12-12T08:00",
    });
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: { endsAt: { key: "registrar.campaigns.errors.endBeforeStart" } },
    });
    const badCohort = await createCampaign(actor, {
      name: "x",
      cohort: "23级",
      level: "本科",
      startsAt: "2026-12-12T08:00",
      endsAt: "2026-12-20T18:00",
    });
    expect(badCohort).toMatchObject({
      ok: false,
      fieldErrors: { cohort: { key: "registrar.campaigns.errors.cohort" } },
    });

    const created = await createCampaign(actor, {
      name: `${cohort}级普通本科学籍自查`,
      cohort,
      level: "普通本科",
      startsAt: "2026-12-12T08:00",
      endsAt: "2026-12-20T18:00",
    });
    expect(created.ok).toBe(true);
    const id = created.ok ? created.value.id : "";
    const row = await db.campaign.findUniqueOrThrow({ where: { id } });
    expect(row.startsAt.toISOString()).toBe("2026-12-12T00:00:00.000Z");
    expect(toSchoolTime(row.endsAt)).toBe("2026-12-20T18:00");
    const updated = await updateCampaign(actor, id, {
      name: "改名",
      cohort,
      level: "本科",
      startsAt: "2026-12-12T08:00",
      endsAt: "2026-12-21T18:00",
    });
    expect(updated.ok).toBe(true);
    expect(
      await db.auditLog.count({
        where: { targetId: id, action: { in: ["campaign.create", "campaign.update"] } },
      }),
    ).toBe(2);
    await expect(createCampaign(collegeActor([]), {})).rejects.toThrow();
  });

  it("deletes only an unused campaign", async () => {
    const cohort = await unusedCohort();
    const unused = await createCampaign(actor, {
      name: "a",
      cohort,
      level: "本科",
      startsAt: "2026-12-12T08:00",
      endsAt: "2026-12-20T18:00",
    });
    expect(await deleteCampaign(actor, unused.ok ? unused.value.id : "")).toMatchObject({ ok: true });
    const used = await db.campaign.create({
      data: {
        name: "b",
        cohort,
        level: "本科",
        startsAt: new Date(),
        endsAt: fromSchoolTime("2030-01-01T00:00") as Date,
      },
    });
    const { records } = await makeCollege("批次院", cohort, 1);
    const account = await makeAccount();
    await db.selfCheck.create({
      data: { campaignId: used.id, recordId: records[0].id, accountId: account.id },
    });
    expect(await deleteCampaign(actor, used.id)).toMatchObject({
      ok: false,
      error: { key: "registrar.campaigns.errors.inUse" },
    });
  });
});
