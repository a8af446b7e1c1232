import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordsForAccount } from "@/lib/records/matching";
import { recordHistory } from "@/lib/records/history";
import { loadRecordPage } from "@/lib/records/student-page";
import { makeCampaign, makeOrg, makeRecord, makeStudent, uniqueCohort, type Org } from "./fixtures";

/**
 * /record reads the student's records, requests, history and self-check with raw statements (the page's
 * hottest path): these tests hold them to what the model reads return, types included, on both databases.
 */
let org: Org;
beforeAll(async () => {
  org = await makeOrg();
});

const at = (iso: string) => new Date(iso);

describe("what /record reads", () => {
  it("the student's records equal the model's rows, newest enrolment first, with their units", async () => {
    const s = await makeStudent(org);
    const newer = await makeRecord(org, {
      name: s.record.name,
      idNumber: s.idNumber,
      accountId: s.account.id,
      level: "专升本",
      graduationRegistered: true,
    });
    await db.enrollmentRecord.update({ where: { id: s.record.id }, data: { enrolledOn: "2022-09-01" } });
    await db.enrollmentRecord.update({ where: { id: newer.id }, data: { enrolledOn: "2024-09-01" } });
    const records = await recordsForAccount(s.actor);
    expect(records.map((r) => r.id)).toEqual([newer.id, s.record.id]);
    const model = await db.enrollmentRecord.findMany({
      where: { accountId: s.account.id },
      orderBy: [{ enrolledOn: "desc" }, { createdAt: "desc" }],
      include: {
        college: { select: { id: true, name: true } },
        major: { select: { id: true, name: true } },
        classGroup: { select: { id: true, name: true } },
      },
    });
    // same keys, values and types (dates as Date, booleans as boolean, versions as numbers)
    expect(records).toEqual(model);
    expect(records[0].graduationRegistered).toBe(true);
    expect(records[0].createdAt).toBeInstanceOf(Date);
    expect(typeof records[0].version).toBe("number");
  });

  it("requests: newest first, each with the fields it names as filed, only the student's own, at most 20", async () => {
    const cohort = uniqueCohort();
    await makeCampaign({ cohort });
    const s = await makeStudent(org, { cohort });
    const other = await makeStudent(org);
    const request = (accountId: string, createdAt: string, status: string, fields: string[]) =>
      db.correctionRequest.create({
        data: {
          recordId: s.record.id,
          accountId,
          collegeId: org.college.id,
          recordVersionAtSubmit: 1,
          status,
          createdAt: at(createdAt),
          items: {
            create: fields.map((field) => ({
              field,
              currentValue: "旧",
              requestedValue: "新",
              reason: "理由",
            })),
          },
        },
      });
    const old = await request(s.account.id, "2026-01-02T08:00:00Z", "withdrawn", ["gender"]);
    const open = await request(s.account.id, "2026-03-04T08:00:00Z", "submitted", [
      "studyMode",
      "department",
      "ethnicity",
    ]);
    // someone else's request on the record (a former holder) is not the student's to see
    await request(other.account.id, "2026-05-06T08:00:00Z", "submitted", ["name"]);

    let page = await loadRecordPage(s.actor);
    if (page?.kind !== "record") throw new Error("expected the record page");
    expect(page.requests).toEqual([
      {
        id: open.id,
        status: "submitted",
        route: "school",
        createdAt: at("2026-03-04T08:00:00Z"),
        fields: ["studyMode", "department", "ethnicity"],
      },
      {
        id: old.id,
        status: "withdrawn",
        route: "school",
        createdAt: at("2026-01-02T08:00:00Z"),
        fields: ["gender"],
      },
    ]);
    expect(page.openRequest?.id).toBe(open.id);

    // a request without items (none is ever filed so, but the list must not lose it) and the limit of 20
    for (let i = 0; i < 20; i++)
      await request(
        s.account.id,
        `2026-07-${String(i + 1).padStart(2, "0")}T08:00:00Z`,
        "rejected",
        i === 0 ? [] : ["gender"],
      );
    page = await loadRecordPage(s.actor);
    if (page?.kind !== "record") throw new Error("expected the record page");
    expect(page.requests).toHaveLength(20);
    expect(page.requests[0].createdAt).toEqual(at("2026-07-20T08:00:00Z"));
    expect(page.requests.at(-1)).toMatchObject({ createdAt: at("2026-07-01T08:00:00Z"), fields: [] });
    expect(page.openRequest).toBeNull();
  });

  it("history: newest first (the later version first on the same instant), values opened", async () => {
    const s = await makeStudent(org);
    const entry = (field: string, before: string, after: string, recordVersion: number, changedAt: string) =>
      db.recordHistory.create({
        data: {
          recordId: s.record.id,
          field,
          beforeValue: before,
          afterValue: after,
          source: "import",
          recordVersion,
          changedAt: at(changedAt),
        },
      });
    await entry("department", "甲系", "乙系", 2, "2026-02-01T00:00:00Z");
    await entry("studyMode", "全日制", "非全日制", 4, "2026-03-01T00:00:00Z");
    await entry("status", "在籍", "休学", 3, "2026-03-01T00:00:00Z");
    const history = await recordHistory(s.record.id);
    expect(history.map((h) => [h.field, h.before, h.after, h.recordVersion])).toEqual([
      ["studyMode", "全日制", "非全日制", 4],
      ["status", "在籍", "休学", 3],
      ["department", "甲系", "乙系", 2],
    ]);
    expect(history[0].changedAt).toEqual(at("2026-03-01T00:00:00Z"));
  });

  it("the self-check's state as stored: first view, then confirmed with its version", async () => {
    const cohort = uniqueCohort();
    const campaign = await makeCampaign({ cohort });
    const s = await makeStudent(org, { cohort });
    let page = await loadRecordPage(s.actor);
    if (page?.kind !== "record") throw new Error("expected the record page");
    const stored = await db.selfCheck.findUniqueOrThrow({
      where: { campaignId_recordId: { campaignId: campaign.id, recordId: s.record.id } },
    });
    expect(page.check).toEqual({
      firstViewedAt: stored.firstViewedAt,
      confirmedAt: null,
      confirmedVersion: null,
    });

    const confirmedAt = at("2026-04-01T09:30:00Z");
    await db.selfCheck.update({ where: { id: stored.id }, data: { confirmedAt, confirmedVersion: 1 } });
    page = await loadRecordPage(s.actor);
    if (page?.kind !== "record") throw new Error("expected the record page");
    expect(page.check).toEqual({ firstViewedAt: stored.firstViewedAt, confirmedAt, confirmedVersion: 1 });
    expect(page.changedSinceConfirm).toBe(false);
  });
});
