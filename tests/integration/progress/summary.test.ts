import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCampaign, updateCampaign } from "@/lib/campaigns/manage";
import { collegeDecide, registrarDecide } from "@/lib/corrections/review";
import { submitCorrection } from "@/lib/corrections/submit";
import { campaignCoversRecord } from "@/lib/records/campaign-scope";
import { requestBinding } from "@/lib/records/binding";
import { linkRecordForAccount } from "@/lib/records/matching";
import { confirmRecord, markViewed } from "@/lib/records/self-check";
import { rebuildProgress } from "@/lib/progress/summary";
import { createRosterImport, runCommit, runPreview, startCommit } from "@/lib/roster-import/jobs";
import { decrypt } from "@/lib/security/crypto";
import {
  idNumberFor,
  makeAccount,
  makeOrg,
  makeRecord,
  randomName,
  staffActor,
  studentActor,
  type Org,
} from "../records/fixtures";
import { toCsv, validRow } from "../roster-import/support";

/**
 * ProgressSummary (lib/progress/summary.ts) must always equal a recount of the campaign's records: after
 * every kind of write that changes the dashboards' counts, and after concurrent ones. The recount here is
 * deliberately naive (every record, its self-check and correction requests, counted in JavaScript).
 */
type Row = {
  collegeId: string;
  majorId: string;
  classGroupId: string;
  total: number;
  registered: number;
  viewed: number;
  confirmed: number;
  reported: number;
  pendingRegistered: number;
  pendingViewed: number;
  pendingRegisteredViewed: number;
};

const key = (r: Pick<Row, "collegeId" | "majorId" | "classGroupId">) =>
  `${r.collegeId}/${r.majorId}/${r.classGroupId}`;

async function recount(campaignId: string): Promise<Row[]> {
  const campaign = await db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
  const records = await db.enrollmentRecord.findMany({
    where: { cohort: campaign.cohort },
    select: {
      id: true,
      cohort: true,
      level: true,
      collegeId: true,
      majorId: true,
      classGroupId: true,
      accountId: true,
      selfChecks: { where: { campaignId }, select: { confirmedAt: true, reportedAt: true } },
      corrections: { where: { campaignId }, select: { id: true } },
    },
  });
  const rows = new Map<string, Row>();
  for (const r of records.filter((r) => campaignCoversRecord(campaign, r))) {
    const row = rows.get(key(r)) ?? {
      collegeId: r.collegeId,
      majorId: r.majorId,
      classGroupId: r.classGroupId,
      total: 0,
      registered: 0,
      viewed: 0,
      confirmed: 0,
      reported: 0,
      pendingRegistered: 0,
      pendingViewed: 0,
      pendingRegisteredViewed: 0,
    };
    const check = r.selfChecks[0];
    const registered = r.accountId !== null;
    const confirmed = !!check?.confirmedAt;
    row.total++;
    if (registered) row.registered++;
    if (check) row.viewed++;
    if (confirmed) row.confirmed++;
    if (check?.reportedAt || r.corrections.length > 0) row.reported++;
    if (!confirmed && registered) row.pendingRegistered++;
    if (!confirmed && check) row.pendingViewed++;
    if (!confirmed && check && registered) row.pendingRegisteredViewed++;
    rows.set(key(r), row);
  }
  return [...rows.values()].sort((a, b) => key(a).localeCompare(key(b)));
}

async function summary(campaignId: string): Promise<Row[]> {
  const rows = await db.progressSummary.findMany({ where: { campaignId } });
  return rows.map(({ campaignId: _campaign, ...row }) => row).sort((a, b) => key(a).localeCompare(key(b)));
}

async function expectSummaryEqualsRecount(campaignId: string) {
  const expected = await recount(campaignId);
  expect(expected.length).toBeGreaterThan(0);
  expect(await summary(campaignId)).toEqual(expected);
}

const registrar = staffActor(["registrar"]);
const pdf = () => new File([Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")], "证明.pdf");
const day = 86_400_000;
const schoolTime = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16);

describe("the dashboards' summary equals a recount", () => {
  // a cohort year no other test file uses, so the campaign covers this file's records only
  const cohort = `19${randomInt(50, 100)}`; // born ≥ 1932: ID numbers and roster dates start at 1900
  let org: Org;
  let campaignId: string;
  const students: Awaited<ReturnType<typeof student>>[] = [];
  const waiting: { record: { id: string }; account: { id: string } }[] = [];
  let unlinked: Awaited<ReturnType<typeof makeRecord>>;
  let unlinkedAccount: Awaited<ReturnType<typeof makeAccount>>;

  /** A record and an account of the same person, not yet linked (registration links them). */
  async function student(college: "own" | "other" = "own") {
    const name = randomName();
    const idNumber = idNumberFor();
    const record = await makeRecord(org, { name, idNumber, cohort, college });
    const account = await makeAccount({ name, idNumber });
    return { record, account, actor: studentActor(account.id) };
  }

  beforeAll(async () => {
    org = await makeOrg();
    // Records exist before the campaign (the roster comes first); writes after it go through the services.
    for (let i = 0; i < 4; i++) students.push(await student());
    students.push(await student("other"));
    for (let i = 0; i < 12; i++) waiting.push(await student(i % 3 === 0 ? "other" : "own"));
    const name = randomName();
    const idNumber = idNumberFor();
    unlinked = await makeRecord(org, { name, idNumber, cohort });
    unlinkedAccount = await makeAccount({ name, idNumber });
    await makeRecord(org, { name: randomName(), idNumber: idNumberFor(), cohort, level: "专科" });
  });

  it("a campaign created by the registrar is counted at once", async () => {
    const created = await createCampaign(registrar, {
      name: `${cohort}级普通本科学籍自查`,
      cohort,
      level: "普通本科",
      startsAt: schoolTime(Date.now() - 2 * day),
      endsAt: schoolTime(Date.now() + 5 * day),
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    campaignId = created.value.id;
    await expectSummaryEqualsRecount(campaignId);
    expect((await summary(campaignId)).reduce((n, r) => n + r.total, 0)).toBe(18);
  });

  it("registration links records; a first view, a second view, a confirmation", async () => {
    for (const s of students) expect(await linkRecordForAccount(s.account.id)).toBe(1);
    await expectSummaryEqualsRecount(campaignId);
    const [a, b] = students;
    const record = async (id: string) => db.enrollmentRecord.findUniqueOrThrow({ where: { id } });
    await markViewed(a.actor, await record(a.record.id));
    await expectSummaryEqualsRecount(campaignId);
    await markViewed(a.actor, await record(a.record.id));
    expect((await confirmRecord(b.actor, { recordId: b.record.id, version: 1 })).ok).toBe(true);
    await expectSummaryEqualsRecount(campaignId);
  });

  it("a binding by 学号 + name + ID number", async () => {
    const bound = await requestBinding(studentActor(unlinkedAccount.id), {
      studentNumber: unlinked.studentNumber,
      name: unlinked.name,
      idNumber: decrypt(unlinked.idNumberEnc),
    });
    expect(bound).toEqual({ ok: true, value: { status: "linked" } });
    await expectSummaryEqualsRecount(campaignId);
  });

  it("a correction request reports; its approval moves the record to another class", async () => {
    const s = students[2];
    const submitted = await submitCorrection(s.actor, {
      recordId: s.record.id,
      recordVersion: 1,
      items: [{ field: "classGroup", value: org.otherClass.name, reason: "分班名单" }],
      files: [pdf()],
    });
    if (!submitted.ok) throw new Error(JSON.stringify(submitted));
    await expectSummaryEqualsRecount(campaignId);
    const requestId = submitted.value.requestId;
    const items = await db.correctionItem.findMany({ where: { requestId } });
    const accept = items.map((i) => ({ itemId: i.id, decision: "accepted" as const }));
    expect(
      (await collegeDecide(staffActor(["college"], [org.college.id]), { requestId, decisions: accept })).ok,
    ).toBe(true);
    expect((await registrarDecide(registrar, { requestId, decisions: accept })).ok).toBe(true);
    const moved = await db.enrollmentRecord.findUniqueOrThrow({ where: { id: s.record.id } });
    expect(moved.classGroupId).toBe(org.otherClass.id);
    await expectSummaryEqualsRecount(campaignId);
  });

  it("a roster import adds records", async () => {
    const birth = `${Number(cohort) - 18}-04-05`;
    const dates = {
      入学日期: `${cohort}-09-01`,
      预计毕业日期: `${Number(cohort) + 4}-06-30`,
      出生日期: birth,
    };
    const rows = [validRow(dates, `汇总学院${cohort}`), validRow(dates, `汇总学院${cohort}`)];
    const created = await createRosterImport(registrar, {
      name: "名单.csv",
      bytes: new TextEncoder().encode(toCsv(rows)),
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    await runPreview(created.value.jobId);
    expect((await startCommit(registrar, created.value.jobId)).ok).toBe(true);
    await runCommit(created.value.jobId, registrar);
    expect(await db.importJob.findUniqueOrThrow({ where: { id: created.value.jobId } })).toMatchObject({
      status: "committed",
      newRows: 2,
    });
    await expectSummaryEqualsRecount(campaignId);
    expect((await summary(campaignId)).reduce((n, r) => n + r.total, 0)).toBe(20);
  });

  it("concurrent registrations, views and confirmations on one class", async () => {
    await Promise.all(waiting.map((w) => linkRecordForAccount(w.account.id)));
    await expectSummaryEqualsRecount(campaignId);
    const records = await db.enrollmentRecord.findMany({
      where: { id: { in: waiting.map((w) => w.record.id) } },
    });
    await Promise.all(
      waiting.flatMap((w, i) => {
        const actor = studentActor(w.account.id);
        const record = records.find((r) => r.id === w.record.id)!;
        return i % 2 === 0
          ? [markViewed(actor, record), markViewed(actor, record)]
          : [confirmRecord(actor, { recordId: record.id, version: 1 }), markViewed(actor, record)];
      }),
    );
    await expectSummaryEqualsRecount(campaignId);
  });

  it("a campaign whose level changes counts the other levels too", async () => {
    const updated = await updateCampaign(registrar, campaignId, {
      name: `${cohort}级学籍自查`,
      cohort,
      level: "全部",
      startsAt: schoolTime(Date.now() - 2 * day),
      endsAt: schoolTime(Date.now() + 5 * day),
    });
    expect(updated.ok).toBe(true);
    await expectSummaryEqualsRecount(campaignId);
    expect((await summary(campaignId)).reduce((n, r) => n + r.total, 0)).toBe(21);
  });

  it("the rebuild command's recount puts back a summary that was lost", async () => {
    const before = await summary(campaignId);
    await db.progressSummary.deleteMany({ where: { campaignId } });
    expect(await summary(campaignId)).toEqual([]);
    expect(await rebuildProgress({ campaignIds: [campaignId] })).toBe(before.length);
    expect(await summary(campaignId)).toEqual(before);
    await expectSummaryEqualsRecount(campaignId);
  });
});
