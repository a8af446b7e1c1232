import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  createCampaign,
  knownCohorts,
  knownLevels,
  listCampaigns,
  updateCampaign,
} from "@/lib/campaigns/manage";
import { registrarActor } from "../roster-import/support";
import { makeCollege } from "../progress/support";
import { unusedCohort } from "./support";

const actor = registrarActor();

const campaign = (cohort: string, level: string, startsAt: string, endsAt: string, extra = {}) => ({
  name: `${cohort}级${level}自查${randomInt(0, 1e6)}`,
  cohort,
  level,
  startsAt,
  endsAt,
  ...extra,
});

describe("campaigns that cannot go wrong quietly", () => {
  it("refuses an overlapping campaign for the same students unless confirmed, and audits the confirmation", async () => {
    const cohort = await unusedCohort();
    const first = await createCampaign(
      actor,
      campaign(cohort, "本科", "2026-12-01T08:00", "2026-12-20T18:00"),
    );
    if (!first.ok) throw new Error(JSON.stringify(first));
    const name = (await db.campaign.findUniqueOrThrow({ where: { id: first.value.id } })).name;

    // same cohort, same level once 普通 is ignored, overlapping days
    const overlap = campaign(cohort, "普通本科", "2026-12-15T08:00", "2026-12-31T18:00");
    const refused = await createCampaign(actor, overlap);
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: {
        confirmOverlap: { key: "registrar.campaigns.errors.overlap", params: { count: 1, names: name } },
      },
    });
    expect(await db.campaign.count({ where: { cohort } })).toBe(1);
    // "全部" covers every level: it overlaps too
    expect(
      await createCampaign(actor, campaign(cohort, "全部", "2026-12-19T08:00", "2026-12-22T18:00")),
    ).toMatchObject({ ok: false, fieldErrors: { confirmOverlap: {} } });
    // a hostile value for the box is no confirmation
    expect(await createCampaign(actor, { ...overlap, confirmOverlap: "on" })).toMatchObject({ ok: false });

    const confirmed = await createCampaign(actor, { ...overlap, confirmOverlap: "yes" });
    if (!confirmed.ok) throw new Error(JSON.stringify(confirmed));
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "campaign.create", targetId: confirmed.value.id },
    });
    expect(JSON.parse(entry.after ?? "{}")).toMatchObject({ overlapConfirmed: [first.value.id] });
  });

  it("lets through what does not overlap: another level, another cohort, back-to-back windows", async () => {
    const cohort = await unusedCohort();
    expect(
      (await createCampaign(actor, campaign(cohort, "本科", "2026-12-01T08:00", "2026-12-10T08:00"))).ok,
    ).toBe(true);
    for (const input of [
      campaign(cohort, "专科", "2026-12-01T08:00", "2026-12-10T08:00"),
      campaign(String(Number(cohort) - 1), "本科", "2026-12-01T08:00", "2026-12-10T08:00"),
      // starts when the first ends: [start, end) windows do not share a moment
      campaign(cohort, "本科", "2026-12-10T08:00", "2026-12-20T08:00"),
    ])
      expect(await createCampaign(actor, input)).toMatchObject({ ok: true });
  });

  it("an edit that moves a campaign onto another is refused too; editing itself is not an overlap", async () => {
    const cohort = await unusedCohort();
    const a = await createCampaign(actor, campaign(cohort, "本科", "2026-11-01T08:00", "2026-11-10T08:00"));
    const b = await createCampaign(actor, campaign(cohort, "本科", "2026-12-01T08:00", "2026-12-10T08:00"));
    if (!a.ok || !b.ok) throw new Error("setup");
    const same = await updateCampaign(
      actor,
      b.value.id,
      campaign(cohort, "本科", "2026-12-01T08:00", "2026-12-12T08:00"),
    );
    expect(same.ok).toBe(true);
    const moved = await updateCampaign(
      actor,
      b.value.id,
      campaign(cohort, "本科", "2026-11-05T08:00", "2026-12-12T08:00"),
    );
    expect(moved).toMatchObject({ ok: false, fieldErrors: { confirmOverlap: {} } });
    const row = await db.campaign.findUniqueOrThrow({ where: { id: b.value.id } });
    expect(row.startsAt.toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });

  it("offers the cohorts and levels the roster holds and counts the students each campaign covers", async () => {
    const cohort = await unusedCohort();
    await makeCollege("覆盖院", cohort, 3, "本科");
    await makeCollege("覆盖院", cohort, 2, "专升本");
    expect(await knownCohorts()).toContain(cohort);
    const levels = await knownLevels();
    expect(levels).toEqual(expect.arrayContaining(["本科", "专升本"]));
    expect(new Set(levels).size).toBe(levels.length);
    const bachelor = await createCampaign(
      actor,
      campaign(cohort, "本科", "2026-12-01T08:00", "2026-12-10T08:00"),
    );
    const all = await createCampaign(actor, campaign(cohort, "全部", "2027-01-01T08:00", "2027-01-10T08:00"));
    if (!bachelor.ok || !all.ok) throw new Error("setup");
    const list = await listCampaigns(actor);
    expect(list.find((c) => c.id === bachelor.value.id)?.students).toBe(3);
    expect(list.find((c) => c.id === all.value.id)?.students).toBe(5);
  });
});
