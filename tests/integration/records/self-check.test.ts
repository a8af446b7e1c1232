import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { linkRecordForAccount, recordForAccount, recordsForAccount } from "@/lib/records/matching";
import { confirmRecord, markViewed, openCampaignForRecord } from "@/lib/records/self-check";
import { loadRecordPage } from "@/lib/records/student-page";
import {
  idNumberFor,
  makeAccount,
  makeCampaign,
  makeOrg,
  makeRecord,
  makeStudent,
  randomName,
  studentActor,
  uniqueCohort,
  type Org,
} from "./fixtures";

let org: Org;
beforeAll(async () => {
  org = await makeOrg();
});

describe("matching a record to an account (SPEC §4.1)", () => {
  it("links the record whose name and ID number equal the verified account's, normalised", async () => {
    const id = idNumberFor("20041105", "女");
    const account = await makeAccount({ name: "阿依古丽·买买提", idNumber: id });
    // The roster wrote the name with a different middle-dot character and a stray space.
    const record = await makeRecord(org, { name: "阿依古丽•买买提 ", idNumber: id });
    expect(await linkRecordForAccount(account.id)).toBe(1);
    const linked = await db.enrollmentRecord.findUniqueOrThrow({ where: { id: record.id } });
    expect(linked.accountId).toBe(account.id);
    const found = await recordForAccount(studentActor(account.id));
    expect(found?.id).toBe(record.id);
  });

  it("does not link when the name differs (renamed student) or the ID number differs", async () => {
    const id = idNumberFor();
    const account = await makeAccount({ name: randomName(), idNumber: id });
    await makeRecord(org, { name: "录取时姓名", idNumber: id });
    await makeRecord(org, { name: account.name, idNumber: idNumberFor() });
    expect(await linkRecordForAccount(account.id)).toBe(0);
    expect(await recordsForAccount(studentActor(account.id))).toEqual([]);
  });

  it("never takes a record from another verified account, but moves it off a cancelled one", async () => {
    const id = idNumberFor();
    const name = randomName();
    const old = await makeAccount({ name, idNumber: id, status: "cancelled" });
    const record = await makeRecord(org, { name, idNumber: id, accountId: old.id });
    const fresh = await makeAccount({ name, idNumber: id });
    expect(await linkRecordForAccount(fresh.id)).toBe(1);
    expect((await db.enrollmentRecord.findUniqueOrThrow({ where: { id: record.id } })).accountId).toBe(
      fresh.id,
    );

    const id2 = idNumberFor();
    const holder = await makeAccount({ name, idNumber: id2 });
    const held = await makeRecord(org, { name, idNumber: id2, accountId: holder.id });
    const pending = await makeAccount({ name, idNumber: id2, status: "pending" });
    expect(await linkRecordForAccount(pending.id)).toBe(0);
    expect((await db.enrollmentRecord.findUniqueOrThrow({ where: { id: held.id } })).accountId).toBe(
      holder.id,
    );
  });

  it("shows the unmatched page with the account's masked identity and the registrar contact", async () => {
    const id = idNumberFor();
    const account = await makeAccount({ name: randomName(), idNumber: id });
    const page = await loadRecordPage(studentActor(account.id));
    expect(page?.kind).toBe("unmatched");
    if (page?.kind !== "unmatched") return;
    expect(page.account.name).toBe(account.name);
    expect(page.account.idMasked).toBe(`${id[0]}****************${id[17]}`);
    expect(page.contact).toHaveProperty("phone");
  });

  it("a student never gets someone else's record by id", async () => {
    const a = await makeStudent(org);
    const b = await makeStudent(org);
    expect(await recordForAccount(a.actor, b.record.id)).toBeNull();
    expect(await loadRecordPage(a.actor, b.record.id)).toBeNull();
    const result = await confirmRecord(a.actor, { recordId: b.record.id, version: 1 });
    expect(result).toEqual({ ok: false, error: { key: "record.errors.notFound", params: undefined } });
  });
});

describe("campaign scope", () => {
  it("covers records of the cohort whose level matches, 普通本科 ≙ 本科, not 专升本", async () => {
    const cohort = uniqueCohort();
    const campaign = await makeCampaign({ cohort, level: "普通本科" });
    expect((await openCampaignForRecord({ cohort, level: "本科" }))?.id).toBe(campaign.id);
    expect(await openCampaignForRecord({ cohort, level: "专升本" })).toBeNull();
    expect(await openCampaignForRecord({ cohort: uniqueCohort(), level: "本科" })).toBeNull();
  });

  it("ignores closed windows", async () => {
    const cohort = uniqueCohort();
    await makeCampaign({ cohort, open: false });
    expect(await openCampaignForRecord({ cohort, level: "本科" })).toBeNull();
  });
});

describe("viewing and confirming (SPEC §4.3)", () => {
  it("records 已查看 only during an open campaign", async () => {
    const closedCohort = uniqueCohort();
    await makeCampaign({ cohort: closedCohort, open: false });
    const s = await makeStudent(org, { cohort: closedCohort });
    await markViewed(s.actor, s.record);
    expect(await db.selfCheck.count({ where: { recordId: s.record.id } })).toBe(0);

    const cohort = uniqueCohort();
    const campaign = await makeCampaign({ cohort });
    const t = await makeStudent(org, { cohort });
    const page = await loadRecordPage(t.actor);
    expect(page?.kind).toBe("record");
    const row = await db.selfCheck.findUniqueOrThrow({
      where: { campaignId_recordId: { campaignId: campaign.id, recordId: t.record.id } },
    });
    expect(row.confirmedAt).toBeNull();
    expect(row.accountId).toBe(t.account.id);
  });

  it("outside any window the confirmation is refused and nothing is stored", async () => {
    const s = await makeStudent(org, { cohort: uniqueCohort() });
    const result = await confirmRecord(s.actor, { recordId: s.record.id, version: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error?.key).toBe("record.selfCheck.errors.noOpenCampaign");
    expect(await db.selfCheck.count({ where: { recordId: s.record.id } })).toBe(0);
  });

  it("stores the version shown; a stale version is refused", async () => {
    const cohort = uniqueCohort();
    await makeCampaign({ cohort });
    const s = await makeStudent(org, { cohort });
    await db.enrollmentRecord.update({ where: { id: s.record.id }, data: { version: 2 } });
    const stale = await confirmRecord(s.actor, { recordId: s.record.id, version: 1 });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error?.key).toBe("record.selfCheck.errors.versionChanged");
    expect(await db.selfCheck.count({ where: { recordId: s.record.id, confirmedAt: { not: null } } })).toBe(
      0,
    );

    const fresh = await confirmRecord(s.actor, { recordId: s.record.id, version: 2 });
    expect(fresh.ok && fresh.value.confirmedVersion).toBe(2);
  });

  it("double clicks, two tabs and retries: one row, one confirmation, same time (concurrent)", async () => {
    const cohort = uniqueCohort();
    const campaign = await makeCampaign({ cohort });
    const s = await makeStudent(org, { cohort });
    const results = await Promise.all(
      Array.from({ length: 8 }, () => confirmRecord(s.actor, { recordId: s.record.id, version: 1 })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await db.selfCheck.findMany({ where: { campaignId: campaign.id, recordId: s.record.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].confirmedVersion).toBe(1);
    const times = new Set(results.map((r) => (r.ok ? r.value.confirmedAt.getTime() : 0)));
    expect(times.size).toBe(1);
    expect(times.has(rows[0].confirmedAt!.getTime())).toBe(true);
    const audits = await db.auditLog.count({ where: { action: "selfCheck.confirm", targetId: s.record.id } });
    expect(audits).toBe(1);

    // A retry later returns the original confirmation time.
    const retry = await confirmRecord(s.actor, { recordId: s.record.id, version: 1 });
    expect(retry.ok && retry.value.confirmedAt.getTime()).toBe(rows[0].confirmedAt!.getTime());
  });

  it("concurrent first views create exactly one row", async () => {
    const cohort = uniqueCohort();
    const campaign = await makeCampaign({ cohort });
    const s = await makeStudent(org, { cohort });
    await Promise.all(Array.from({ length: 6 }, () => markViewed(s.actor, s.record)));
    expect(await db.selfCheck.count({ where: { campaignId: campaign.id, recordId: s.record.id } })).toBe(1);
  });

  it("a later change of the record asks the student to check again", async () => {
    const cohort = uniqueCohort();
    await makeCampaign({ cohort });
    const s = await makeStudent(org, { cohort });
    const first = await confirmRecord(s.actor, { recordId: s.record.id, version: 1 });
    expect(first.ok).toBe(true);
    let page = await loadRecordPage(s.actor);
    expect(page?.kind === "record" && page.changedSinceConfirm).toBe(false);

    await db.enrollmentRecord.update({
      where: { id: s.record.id },
      data: { version: 2, department: "软件工程系" },
    });
    page = await loadRecordPage(s.actor);
    expect(page?.kind === "record" && page.changedSinceConfirm).toBe(true);

    const again = await confirmRecord(s.actor, { recordId: s.record.id, version: 2 });
    expect(again.ok && again.value.confirmedVersion).toBe(2);
    page = await loadRecordPage(s.actor);
    expect(page?.kind === "record" && page.changedSinceConfirm).toBe(false);
  });

  it("highlights birth date and gender that disagree with the ID number", async () => {
    const s = await makeStudent(org, {
      idNumber: idNumberFor("20050312", "男"),
      gender: "男",
      birthDate: "2005-03-21",
    });
    const page = await loadRecordPage(s.actor);
    expect(page?.kind).toBe("record");
    if (page?.kind !== "record") return;
    expect(page.hints).toEqual([{ field: "birthDate", fromIdNumber: "2005-03-12" }]);
    const t = await makeStudent(org, { idNumber: idNumberFor("20050312", "女"), gender: "男" });
    const page2 = await loadRecordPage(t.actor);
    expect(page2?.kind === "record" && page2.hints).toEqual([{ field: "gender", fromIdNumber: "女" }]);
  });
});
