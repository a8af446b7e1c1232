import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { makeCampaign, makeOrg, makeStudent, uniqueCohort, type Org } from "./fixtures";

// The served app keeps the campaign list for 10 s per instance (lib/progress/campaign.ts); behind a load
// balancer, the page can come from an instance that knows a new campaign and the 确认无误 from one that
// does not yet. Loaded here as in production, with that kept list.
type SelfCheck = typeof import("@/lib/records/self-check");
let selfCheck: SelfCheck;
let corrections: typeof import("@/lib/corrections/submit");
let campaigns: typeof import("@/lib/progress/campaign");
let org: Org;

beforeAll(async () => {
  vi.stubEnv("NODE_ENV", "production");
  vi.resetModules();
  selfCheck = await import("@/lib/records/self-check");
  campaigns = await import("@/lib/progress/campaign");
  corrections = await import("@/lib/corrections/submit");
  org = await makeOrg();
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe("writes decide on the database, not on an instance's kept campaign list", () => {
  it("a campaign opened by another instance a moment ago: the page may not show it yet, 确认无误 is stored", async () => {
    const cohort = uniqueCohort();
    const { record, actor } = await makeStudent(org, { cohort });
    expect(await selfCheck.openCampaignForRecord(record)).toBeNull();

    const campaign = await makeCampaign({ cohort }); // written by another instance
    // This instance still keeps the list without it: views read the kept list.
    expect(await selfCheck.openCampaignForRecord(record)).toBeNull();

    const confirmed = await selfCheck.confirmRecord(actor, { recordId: record.id, version: record.version });
    expect(confirmed.ok).toBe(true);
    const row = await db.selfCheck.findUniqueOrThrow({
      where: { campaignId_recordId: { campaignId: campaign.id, recordId: record.id } },
    });
    expect(row.confirmedVersion).toBe(record.version);
    // The fresh read renewed the kept list: the next view shows the campaign too.
    expect((await selfCheck.openCampaignForRecord(record))?.id).toBe(campaign.id);
  });

  it("a window closed by another instance: the kept list still says open, 确认无误 is refused and nothing stored", async () => {
    const cohort = uniqueCohort();
    const { record, actor } = await makeStudent(org, { cohort });
    const campaign = await makeCampaign({ cohort });
    await campaigns.allCampaigns({ fresh: true }); // this instance has read it
    expect((await selfCheck.openCampaignForRecord(record))?.id).toBe(campaign.id);

    await db.campaign.update({ where: { id: campaign.id }, data: { endsAt: new Date(Date.now() - 60_000) } });
    expect((await selfCheck.openCampaignForRecord(record))?.id, "kept list").toBe(campaign.id);

    const refused = await selfCheck.confirmRecord(actor, { recordId: record.id, version: record.version });
    expect(refused).toMatchObject({ ok: false });
    expect(await db.selfCheck.count({ where: { campaignId: campaign.id, recordId: record.id } })).toBe(0);
  });

  it("a correction sent without evidence belongs to a campaign the kept list does not know yet, and counts as 信息有误", async () => {
    const cohort = uniqueCohort();
    const { record, actor } = await makeStudent(org, { cohort });
    expect(await selfCheck.openCampaignForRecord(record)).toBeNull();
    const campaign = await makeCampaign({ cohort });

    const sent = await corrections.submitCorrection(actor, {
      recordId: record.id,
      recordVersion: record.version,
      items: [{ field: "department", value: "软件工程系", reason: "转系后未更新" }],
      files: [],
    });
    expect(sent.ok).toBe(true);
    if (!sent.ok) return;
    const request = await db.correctionRequest.findUniqueOrThrow({ where: { id: sent.value.requestId } });
    expect(request.campaignId).toBe(campaign.id);
    const row = await db.selfCheck.findUniqueOrThrow({
      where: { campaignId_recordId: { campaignId: campaign.id, recordId: record.id } },
    });
    expect(row.reportedAt).not.toBeNull();
  });

  it("信息有误 counts in a campaign the kept list does not know yet", async () => {
    const cohort = uniqueCohort();
    const { record, actor } = await makeStudent(org, { cohort });
    expect(await selfCheck.openCampaignForRecord(record)).toBeNull();
    const campaign = await makeCampaign({ cohort });

    expect(await selfCheck.markReported(actor.accountId, record)).toBe(campaign.id);
    const row = await db.selfCheck.findUniqueOrThrow({
      where: { campaignId_recordId: { campaignId: campaign.id, recordId: record.id } },
    });
    expect(row.reportedAt).not.toBeNull();
  });
});
