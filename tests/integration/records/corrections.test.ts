import { readdir } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { evidenceForViewer, MAX_EVIDENCE_BYTES } from "@/lib/corrections/evidence";
import { requestForStaff, requestForStudent, listQueue } from "@/lib/corrections/queries";
import { bulkApprove, collegeDecide, MAX_BULK, registrarDecide } from "@/lib/corrections/review";
import { loadMessages } from "@/lib/i18n/messages";
import { submitCorrection, type SubmitInput } from "@/lib/corrections/submit";
import { withdrawCorrection } from "@/lib/corrections/withdraw";
import { loadRecordPage } from "@/lib/records/student-page";
import { confirmRecord } from "@/lib/records/self-check";
import { blindIndex, decrypt } from "@/lib/security/crypto";
import { readUpload, uploadsRoot } from "@/lib/uploads/storage";
import {
  evidencePng,
  idNumberFor,
  makeCampaign,
  makeOrg,
  makeStudent,
  staffActor,
  uid,
  uniqueCohort,
  uploadFile,
  type Org,
} from "./fixtures";

let org: Org;
let png: Buffer;
let jpegWithExif: Buffer;
beforeAll(async () => {
  org = await makeOrg();
  png = await evidencePng();
  jpegWithExif = await sharp({ create: { width: 60, height: 40, channels: 3, background: "#cc3333" } })
    .jpeg()
    .withMetadata({ exif: { IFD0: { Copyright: "secret-device", Artist: "GPS 30.5N 114.3E" } } })
    .toBuffer();
});

const file = uploadFile;
const pdf = () => file(Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"), "证明.pdf");

async function evidenceFileCount(): Promise<number> {
  try {
    const root = path.join(uploadsRoot(), "evidence");
    const walk = async (dir: string): Promise<number> => {
      let n = 0;
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        n += entry.isDirectory() ? await walk(path.join(dir, entry.name)) : 1;
      }
      return n;
    };
    return await walk(root);
  } catch {
    return 0;
  }
}

function input(recordId: string, over: Partial<SubmitInput> = {}): SubmitInput {
  return {
    recordId,
    recordVersion: 1,
    items: [
      { field: "department", value: "软件工程系", reason: "录取通知书上为软件工程系" },
      { field: "expectedGraduationOn", value: "2027-07-01", reason: "学校通知的毕业日期" },
    ],
    files: [file(png, "通知书.png")],
    ...over,
  };
}

const college = () => staffActor(["college"], [org.college.id]);

/**
 * A unit a student could choose when filing, gone by the time of review (an old request; a unit renamed or
 * merged since): created for the request, removed after it.
 */
async function goneMajor() {
  const major = await db.major.create({ data: { collegeId: org.college.id, name: `将撤销专业${uid()}` } });
  return { name: major.name, remove: () => db.major.delete({ where: { id: major.id } }) };
}
async function goneClass() {
  const group = await db.classGroup.create({
    data: { collegeId: org.college.id, majorId: org.otherMajor.id, name: `计算机${uid()}班` },
  });
  return { name: group.name, remove: () => db.classGroup.delete({ where: { id: group.id } }) };
}
const otherCollege = () => staffActor(["college"], [org.otherCollege.id]);
const registrar = () => staffActor(["registrar"]);

async function itemsOf(requestId: string) {
  return db.correctionItem.findMany({ where: { requestId }, orderBy: { id: "asc" } });
}
const acceptAll = async (requestId: string) =>
  (await itemsOf(requestId)).map((i) => ({ itemId: i.id, decision: "accepted" as const }));

describe("submitting 信息有误 (SPEC §4.3)", () => {
  it("creates the request with items and privately stored, re-encoded evidence; marks 已报错; notifies", async () => {
    const cohort = uniqueCohort();
    const campaign = await makeCampaign({ cohort });
    const s = await makeStudent(org, { cohort });
    const result = await submitCorrection(
      s.actor,
      input(s.record.id, { files: [file(jpegWithExif, "../../etc/照片.jpg"), pdf()] }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const request = await db.correctionRequest.findUniqueOrThrow({
      where: { id: result.value.requestId },
      include: { items: true, evidence: true },
    });
    expect(request).toMatchObject({
      status: "submitted",
      route: "school",
      collegeId: org.college.id,
      campaignId: campaign.id,
    });
    expect(request.items.map((i) => [i.field, i.currentValue, i.requestedValue]).sort()).toEqual([
      ["department", "计算机科学系", "软件工程系"],
      ["expectedGraduationOn", "2027-06-30", "2027-07-01"],
    ]);
    expect(request.evidence).toHaveLength(2);
    const image = request.evidence.find((e) => e.mime === "image/jpeg")!;
    expect(image.storageKey).toMatch(/^evidence\/\d{4}\/\d{2}\/[0-9a-f]{32}\.jpg$/);
    expect(image.displayName).toBe("照片.jpg");
    const stored = await readUpload(image.storageKey);
    expect(stored).not.toBeNull();
    const meta = await sharp(stored!).metadata();
    expect(meta.exif).toBeUndefined();
    expect(stored!.includes(Buffer.from("secret-device"))).toBe(false);
    expect(request.evidence.find((e) => e.mime === "application/pdf")?.storageKey).toMatch(/\.pdf$/);

    const check = await db.selfCheck.findUniqueOrThrow({
      where: { campaignId_recordId: { campaignId: campaign.id, recordId: s.record.id } },
    });
    expect(check.reportedAt).not.toBeNull();
    const notes = await db.notification.findMany({ where: { accountId: s.account.id } });
    expect(notes.map((n) => n.kind)).toEqual(["correction.submitted"]);
    // SMS is on by default for accounts: the same text went to the phone.
    const sms = await db.outboundMessage.findMany({ where: { to: s.account.phone } });
    expect(sms).toHaveLength(1);
    expect(sms[0].body).toContain("2");
  });

  it.each([
    ["a field not on the record", { items: [{ field: "photo", value: "x", reason: "y" }] }, "fields"],
    [
      "学校名称 (not correctable)",
      { items: [{ field: "schoolName", value: "别的大学", reason: "y" }] },
      "fields",
    ],
    ["an empty correction", { items: [] }, "fields"],
    ["an empty value", { items: [{ field: "department", value: " ", reason: "y" }] }, "value.department"],
    [
      "the value it already has",
      { items: [{ field: "department", value: "计算机科学系", reason: "y" }] },
      "value.department",
    ],
    [
      "a malformed date",
      { items: [{ field: "expectedGraduationOn", value: "2027-02-30", reason: "y" }] },
      "value.expectedGraduationOn",
    ],
    [
      "a missing reason",
      { items: [{ field: "department", value: "软件工程系", reason: "" }] },
      "reason.department",
    ],
    [
      "an invalid ID number",
      { items: [{ field: "idNumber", value: "42010620050312031", reason: "y" }] },
      "value.idNumber",
    ],
    [
      "a high-risk field without evidence",
      { items: [{ field: "ethnicity", value: "回族", reason: "户口本" }], files: [] },
      "evidence",
    ],
  ])("refuses %s, storing nothing", async (_label, over, errorField) => {
    const s = await makeStudent(org);
    const before = await evidenceFileCount();
    const result = await submitCorrection(s.actor, input(s.record.id, over as Partial<SubmitInput>));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fieldErrors ?? {})).toContain(errorField);
    expect(await db.correctionRequest.count({ where: { recordId: s.record.id } })).toBe(0);
    expect(await evidenceFileCount()).toBe(before);
  });

  it.each([
    [
      "a .png that is really a zip",
      Buffer.from("504b0304140000000800", "hex"),
      "corrections.errors.evidence.type",
    ],
    [
      "a .png that is really text",
      Buffer.from("hello, I am not a picture"),
      "corrections.errors.evidence.type",
    ],
    [
      "a 5 MB + 1 byte file",
      Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.alloc(MAX_EVIDENCE_BYTES + 1 - 8)]),
      "corrections.errors.evidence.tooLarge",
    ],
    ["an empty file", Buffer.alloc(0), "corrections.errors.evidence.empty"],
  ])("refuses evidence that is %s", async (_label, bytes, key) => {
    const s = await makeStudent(org);
    const before = await evidenceFileCount();
    const result = await submitCorrection(
      s.actor,
      input(s.record.id, { files: [file(png, "ok.png"), file(bytes, "x.png")] }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors?.evidence?.key).toBe(key);
    expect(await db.correctionRequest.count({ where: { recordId: s.record.id } })).toBe(0);
    expect(await evidenceFileCount()).toBe(before);
  });

  it("refuses more than 5 files", async () => {
    const s = await makeStudent(org);
    const files = Array.from({ length: 6 }, (_, i) => file(png, `${i}.png`));
    const result = await submitCorrection(s.actor, input(s.record.id, { files }));
    expect(!result.ok && result.fieldErrors?.evidence?.key).toBe("corrections.errors.evidence.tooMany");
  });

  it('ignores the browser\'s empty file slot (name "" or "undefined", 0 bytes) for every field', async () => {
    const slots = () => [file(Buffer.alloc(0), "undefined"), file(Buffer.alloc(0), "")];
    const s = await makeStudent(org);
    const plain = await submitCorrection(
      s.actor,
      input(s.record.id, {
        items: [{ field: "major", value: org.otherMajor.name, reason: "已转入软件工程专业" }],
        files: slots(),
      }),
    );
    expect(plain.ok).toBe(true);
    expect(await db.evidenceFile.count({ where: { accountId: s.account.id } })).toBe(0);

    // a high-risk field still needs evidence: the slot is "no file", not an empty file
    const t = await makeStudent(org);
    const risky = await submitCorrection(
      t.actor,
      input(t.record.id, {
        items: [{ field: "ethnicity", value: "回族", reason: "户口本" }],
        files: slots(),
      }),
    );
    expect(!risky.ok && risky.fieldErrors?.evidence?.key).toBe(
      "corrections.errors.evidence.requiredHighRisk",
    );
  });

  it("accepts exactly 5 MB", async () => {
    const s = await makeStudent(org);
    const exact = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(MAX_EVIDENCE_BYTES - 9, 0x20)]);
    const result = await submitCorrection(s.actor, input(s.record.id, { files: [file(exact, "a.pdf")] }));
    expect(result.ok).toBe(true);
  });

  it("keeps one open request per record, also when two tabs submit at once", async () => {
    const s = await makeStudent(org);
    const results = await Promise.all([
      submitCorrection(s.actor, input(s.record.id)),
      submitCorrection(s.actor, input(s.record.id)),
      submitCorrection(s.actor, input(s.record.id)),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok))
      expect(!r.ok && r.error?.key).toBe("corrections.errors.alreadyOpen");
    expect(await db.correctionRequest.count({ where: { recordId: s.record.id } })).toBe(1);
    expect(await db.evidenceFile.count({ where: { accountId: s.account.id } })).toBe(1);
  });

  it("refuses a submission made on a page showing an older version", async () => {
    const s = await makeStudent(org);
    await db.enrollmentRecord.update({ where: { id: s.record.id }, data: { version: 3 } });
    const result = await submitCorrection(s.actor, input(s.record.id));
    expect(!result.ok && result.error?.key).toBe("record.selfCheck.errors.versionChanged");
  });

  it("blocks 确认无误 while a request is open", async () => {
    const cohort = uniqueCohort();
    await makeCampaign({ cohort });
    const s = await makeStudent(org, { cohort });
    expect((await submitCorrection(s.actor, input(s.record.id))).ok).toBe(true);
    const confirm = await confirmRecord(s.actor, { recordId: s.record.id, version: 1 });
    expect(!confirm.ok && confirm.error?.key).toBe("record.selfCheck.errors.correctionOpen");
  });
});

describe("who may touch a request or a file", () => {
  it("a student cannot read, withdraw or download another student's request or evidence", async () => {
    const a = await makeStudent(org);
    const b = await makeStudent(org);
    const r = await submitCorrection(a.actor, input(a.record.id));
    if (!r.ok) throw new Error("setup");
    const evidence = await db.evidenceFile.findFirstOrThrow({ where: { requestId: r.value.requestId } });
    expect(await requestForStudent(b.actor, r.value.requestId)).toBeNull();
    expect(await withdrawCorrection(b.actor, r.value.requestId)).toMatchObject({
      ok: false,
      error: { key: "corrections.errors.notFound" },
    });
    expect(await evidenceForViewer(b.actor, evidence.id)).toBeNull();
    expect(await evidenceForViewer(a.actor, evidence.id)).not.toBeNull();
    expect(await evidenceForViewer(college(), evidence.id)).not.toBeNull();
    expect(await evidenceForViewer(otherCollege(), evidence.id)).toBeNull();
    expect(await evidenceForViewer(registrar(), evidence.id)).not.toBeNull();
    expect(await evidenceForViewer(staffActor(["support"]), evidence.id)).toBeNull();
    expect((await db.correctionRequest.findUniqueOrThrow({ where: { id: r.value.requestId } })).status).toBe(
      "submitted",
    );
  });

  it("a college user cannot see or decide another college's request", async () => {
    const s = await makeStudent(org);
    const r = await submitCorrection(s.actor, input(s.record.id));
    if (!r.ok) throw new Error("setup");
    const other = otherCollege();
    expect(await requestForStaff(other, "college", r.value.requestId)).toBeNull();
    const decided = await collegeDecide(other, {
      requestId: r.value.requestId,
      decisions: await acceptAll(r.value.requestId),
    });
    expect(decided).toMatchObject({ ok: false, error: { key: "corrections.errors.notFound" } });
    expect((await listQueue(other, "college")).rows.find((x) => x.id === r.value.requestId)).toBeUndefined();
    expect(
      (await listQueue(college(), "college")).rows.find((x) => x.id === r.value.requestId),
    ).toBeDefined();
    expect((await db.correctionRequest.findUniqueOrThrow({ where: { id: r.value.requestId } })).status).toBe(
      "submitted",
    );
  });

  it("the student withdraws while unreviewed, not after", async () => {
    const s = await makeStudent(org);
    const r = await submitCorrection(s.actor, input(s.record.id));
    if (!r.ok) throw new Error("setup");
    expect((await withdrawCorrection(s.actor, r.value.requestId)).ok).toBe(true);
    const closed = await db.correctionRequest.findUniqueOrThrow({ where: { id: r.value.requestId } });
    expect(closed.status).toBe("withdrawn");
    expect(await db.evidenceFile.count({ where: { requestId: closed.id, deleteAfter: null } })).toBe(0);

    const r2 = await submitCorrection(s.actor, input(s.record.id));
    if (!r2.ok) throw new Error("setup");
    await collegeDecide(college(), {
      requestId: r2.value.requestId,
      decisions: await acceptAll(r2.value.requestId),
    });
    expect(await withdrawCorrection(s.actor, r2.value.requestId)).toMatchObject({
      ok: false,
      error: { key: "corrections.errors.cannotWithdraw" },
    });
  });
});

describe("the workflow (SPEC §4.4)", () => {
  it("college confirms, registrar approves: record changes, version + 1, history, audit, every step notified", async () => {
    const cohort = uniqueCohort();
    await makeCampaign({ cohort });
    const s = await makeStudent(org, { cohort });
    expect((await confirmRecord(s.actor, { recordId: s.record.id, version: 1 })).ok).toBe(true);
    const r = await submitCorrection(
      s.actor,
      input(s.record.id, {
        items: [
          { field: "department", value: "软件工程系", reason: "通知书" },
          { field: "major", value: "软件工程", reason: "录取专业为软件工程" },
          { field: "classGroup", value: org.otherClass.name, reason: "分班名单" },
        ],
      }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r));
    const id = r.value.requestId;
    const items = await itemsOf(id);
    const dept = items.find((i) => i.field === "department")!;

    // The college accepts two items and rejects one; a rejection without a reason is refused first.
    const decisions = items.map((i) => ({
      itemId: i.id,
      decision: i === dept ? ("rejected" as const) : ("accepted" as const),
    }));
    const missing = await collegeDecide(college(), { requestId: id, decisions });
    expect(!missing.ok && Object.keys(missing.fieldErrors ?? {})).toEqual([`reason.${dept.id}`]);
    const c = await collegeDecide(college(), {
      requestId: id,
      decisions: decisions.map((d) => (d.itemId === dept.id ? { ...d, reason: "系名无误" } : d)),
    });
    expect(c).toEqual({ ok: true, value: { status: "college_confirmed", accepted: 2, rejected: 1 } });
    expect((await listQueue(registrar(), "registrar")).rows.map((x) => x.id)).toContain(id);

    const detail = await requestForStaff(registrar(), "registrar", id);
    expect(detail?.items.find((i) => i.field === "major")).toMatchObject({
      current: "计算机科学与技术",
      requested: "软件工程",
      collegeDecision: "accepted",
    });

    const accepted = items
      .filter((i) => i !== dept)
      .map((i) => ({ itemId: i.id, decision: "accepted" as const }));
    const approved = await registrarDecide(registrar(), { requestId: id, decisions: accepted });
    expect(approved).toEqual({ ok: true, value: { status: "approved", accepted: 2, rejected: 0 } });

    const record = await db.enrollmentRecord.findUniqueOrThrow({ where: { id: s.record.id } });
    expect(record.version).toBe(2);
    expect(record.majorId).toBe(org.otherMajor.id);
    expect(record.classGroupId).toBe(org.otherClass.id);
    expect(record.department).toBe("计算机科学系");
    const history = await db.recordHistory.findMany({
      where: { recordId: s.record.id },
      orderBy: { field: "asc" },
    });
    expect(history.map((h) => [h.field, h.beforeValue, h.afterValue, h.source, h.recordVersion])).toEqual([
      ["classGroup", org.classGroup.name, org.otherClass.name, "correction", 2],
      ["major", "计算机科学与技术", "软件工程", "correction", 2],
    ]);
    const audits = await db.auditLog.findMany({
      where: { OR: [{ targetId: id }, { targetId: s.record.id }] },
    });
    expect(audits.map((a) => a.action).sort()).toEqual(
      [
        "correction.collegeReview",
        "correction.registrarReview",
        "correction.submit",
        "record.update",
        "selfCheck.confirm",
      ].sort(),
    );
    const kinds = (
      await db.notification.findMany({ where: { accountId: s.account.id }, orderBy: { createdAt: "asc" } })
    ).map((n) => n.kind);
    expect(kinds).toEqual(["correction.submitted", "correction.collegeConfirmed", "correction.approved"]);

    // The student sees the new values, the old ones in history, and is asked to check again.
    const page = await loadRecordPage(s.actor);
    if (page?.kind !== "record") throw new Error("page");
    expect(page.record.values.major).toBe("软件工程");
    expect(page.history.map((h) => h.before).sort()).toEqual(
      ["计算机科学与技术", org.classGroup.name].sort(),
    );
    expect(page.changedSinceConfirm).toBe(true);
  });

  it("an ID number correction stays encrypted in items and history and moves the blind index", async () => {
    const s = await makeStudent(org);
    const newId = idNumberFor("20050312", "男");
    const r = await submitCorrection(
      s.actor,
      input(s.record.id, {
        items: [{ field: "idNumber", value: newId.toLowerCase(), reason: "身份证号录入错误" }],
      }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r));
    const [item] = await itemsOf(r.value.requestId);
    expect(item.requestedValue).not.toContain(newId);
    expect(item.currentValue).not.toContain(s.idNumber);
    const staffView = await requestForStaff(college(), "college", r.value.requestId);
    expect(staffView?.items[0].requested).toBe(`${newId[0]}****************${newId[17]}`);
    const revealed = await requestForStaff(college(), "college", r.value.requestId, {
      revealIdNumbers: true,
    });
    expect(revealed?.items[0].requested).toBe(newId);
    expect(
      await db.auditLog.count({ where: { action: "idNumber.reveal", targetId: r.value.requestId } }),
    ).toBe(1);

    await collegeDecide(college(), {
      requestId: r.value.requestId,
      decisions: await acceptAll(r.value.requestId),
    });
    expect(
      (
        await registrarDecide(registrar(), {
          requestId: r.value.requestId,
          decisions: await acceptAll(r.value.requestId),
        })
      ).ok,
    ).toBe(true);
    const record = await db.enrollmentRecord.findUniqueOrThrow({ where: { id: s.record.id } });
    expect(decrypt(record.idNumberEnc)).toBe(newId);
    expect(record.idNumberIndex).toBe(blindIndex(newId));
    const [h] = await db.recordHistory.findMany({ where: { recordId: s.record.id } });
    expect(h.beforeValue).not.toContain(s.idNumber);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "record.update", targetId: s.record.id },
    });
    expect(audit.before).not.toContain(s.idNumber);
    expect(audit.after).not.toContain(newId);
  });

  it("refuses a decision on an already-decided request and changes nothing", async () => {
    const s = await makeStudent(org);
    const r = await submitCorrection(s.actor, input(s.record.id));
    if (!r.ok) throw new Error("setup");
    const id = r.value.requestId;
    await collegeDecide(college(), { requestId: id, decisions: await acceptAll(id) });
    const again = await collegeDecide(college(), { requestId: id, decisions: await acceptAll(id) });
    expect(again).toMatchObject({ ok: false, error: { key: "corrections.errors.alreadyDecided" } });
    // A page that showed an older lockVersion is refused too.
    const staleView = await registrarDecide(registrar(), {
      requestId: id,
      lockVersion: 0,
      decisions: await acceptAll(id),
    });
    expect(staleView).toMatchObject({ ok: false, error: { key: "corrections.errors.alreadyDecided" } });
    await registrarDecide(registrar(), { requestId: id, decisions: await acceptAll(id) });
    const twice = await registrarDecide(registrar(), { requestId: id, decisions: await acceptAll(id) });
    expect(twice).toMatchObject({ ok: false, error: { key: "corrections.errors.alreadyDecided" } });
    const record = await db.enrollmentRecord.findUniqueOrThrow({ where: { id: s.record.id } });
    expect(record.version).toBe(2);
    expect(await db.recordHistory.count({ where: { recordId: s.record.id } })).toBe(2);
  });

  it("two reviewers deciding at once: exactly one wins, at both stages", async () => {
    const s = await makeStudent(org);
    const r = await submitCorrection(s.actor, input(s.record.id));
    if (!r.ok) throw new Error("setup");
    const id = r.value.requestId;
    const decisions = await acceptAll(id);
    const rejectAll = decisions.map((d) => ({ ...d, decision: "rejected" as const, reason: "不符" }));
    const college1 = await Promise.all([
      collegeDecide(college(), { requestId: id, lockVersion: 0, decisions }),
      collegeDecide(college(), { requestId: id, lockVersion: 0, decisions: rejectAll }),
      collegeDecide(college(), { requestId: id, lockVersion: 0, decisions }),
    ]);
    expect(college1.filter((x) => x.ok)).toHaveLength(1);
    const afterCollege = await db.correctionRequest.findUniqueOrThrow({ where: { id } });
    if (afterCollege.status === "college_rejected") return; // the rejection won: nothing to approve
    expect(afterCollege.lockVersion).toBe(1);

    const both = await Promise.all([
      registrarDecide(registrar(), { requestId: id, decisions }),
      registrarDecide(registrar(), { requestId: id, decisions }),
      registrarDecide(registrar(), { requestId: id, decisions: rejectAll }),
    ]);
    expect(both.filter((x) => x.ok)).toHaveLength(1);
    for (const loser of both.filter((x) => !x.ok))
      expect(!loser.ok && loser.error?.key).toBe("corrections.errors.alreadyDecided");
    const record = await db.enrollmentRecord.findUniqueOrThrow({ where: { id: s.record.id } });
    expect([1, 2]).toContain(record.version);
    expect(await db.recordHistory.count({ where: { recordId: s.record.id } })).toBe(
      record.version === 2 ? 2 : 0,
    );
    expect(await db.auditLog.count({ where: { targetId: id, action: "correction.registrarReview" } })).toBe(
      1,
    );
  });

  it("a placement that does not exist is refused with nothing half-applied", async () => {
    const s = await makeStudent(org);
    const gone = await goneMajor();
    const r = await submitCorrection(
      s.actor,
      input(s.record.id, {
        items: [
          { field: "department", value: "软件工程系", reason: "通知书" },
          { field: "major", value: gone.name, reason: "通知书" },
        ],
      }),
    );
    if (!r.ok) throw new Error("setup");
    await gone.remove();
    const id = r.value.requestId;
    await collegeDecide(college(), { requestId: id, decisions: await acceptAll(id) });
    const result = await registrarDecide(registrar(), { requestId: id, decisions: await acceptAll(id) });
    expect(result).toMatchObject({
      ok: false,
      error: { key: "corrections.errors.placement.major", params: { value: gone.name } },
    });
    const request = await db.correctionRequest.findUniqueOrThrow({ where: { id }, include: { items: true } });
    expect(request.status).toBe("college_confirmed");
    expect(request.lockVersion).toBe(1);
    expect(request.items.every((i) => i.registrarDecision === "pending")).toBe(true);
    const record = await db.enrollmentRecord.findUniqueOrThrow({ where: { id: s.record.id } });
    expect(record).toMatchObject({ version: 1, department: "计算机科学系" });
    expect(await db.recordHistory.count({ where: { recordId: s.record.id } })).toBe(0);
    // The registrar can still reject the item and approve the rest.
    const items = await itemsOf(id);
    const partial = await registrarDecide(registrar(), {
      requestId: id,
      decisions: items.map((i) =>
        i.field === "major"
          ? { itemId: i.id, decision: "rejected" as const, reason: "专业名称有误" }
          : { itemId: i.id, decision: "accepted" as const },
      ),
    });
    expect(partial).toEqual({ ok: true, value: { status: "approved", accepted: 1, rejected: 1 } });
    expect((await db.enrollmentRecord.findUniqueOrThrow({ where: { id: s.record.id } })).department).toBe(
      "软件工程系",
    );
  });

  it("college rejection closes the request and tells the student why", async () => {
    const s = await makeStudent(org);
    const r = await submitCorrection(s.actor, input(s.record.id));
    if (!r.ok) throw new Error("setup");
    const items = await itemsOf(r.value.requestId);
    const result = await collegeDecide(college(), {
      requestId: r.value.requestId,
      note: "以录取信息为准",
      decisions: items.map((i) => ({ itemId: i.id, decision: "rejected" as const })),
    });
    expect(result).toEqual({ ok: true, value: { status: "college_rejected", accepted: 0, rejected: 2 } });
    const note = await db.notification.findFirstOrThrow({
      where: { accountId: s.account.id, kind: "correction.collegeRejected" },
    });
    expect(JSON.parse(note.params)).toMatchObject({ reason: "以录取信息为准" });
    expect(
      (await db.correctionItem.findMany({ where: { requestId: r.value.requestId } })).every(
        (i) => i.collegeReason === "以录取信息为准",
      ),
    ).toBe(true);
  });
});

describe("locked records go the provincial route", () => {
  it("provincial_approved applies the change, provincial_rejected does not", async () => {
    for (const approve of [true, false]) {
      const s = await makeStudent(org, { graduationRegistered: true });
      const r = await submitCorrection(s.actor, input(s.record.id));
      if (!r.ok) throw new Error("setup");
      expect(r.value.route).toBe("provincial");
      const id = r.value.requestId;
      expect(await collegeDecide(college(), { requestId: id, decisions: await acceptAll(id) })).toMatchObject(
        {
          ok: true,
          value: { status: "provincial_pending" },
        },
      );
      const decisions = (await acceptAll(id)).map((d) =>
        approve ? d : { ...d, decision: "rejected" as const, reason: "省级未通过" },
      );
      const result = await registrarDecide(registrar(), {
        requestId: id,
        decisions,
        provincialRef: "鄂教学〔2026〕12号",
      });
      expect(result).toMatchObject({
        ok: true,
        value: { status: approve ? "provincial_approved" : "provincial_rejected" },
      });
      const record = await db.enrollmentRecord.findUniqueOrThrow({ where: { id: s.record.id } });
      expect(record.department).toBe(approve ? "软件工程系" : "计算机科学系");
      const history = await db.recordHistory.findMany({ where: { recordId: s.record.id } });
      expect(history.map((h) => h.source)).toEqual(approve ? ["provincial", "provincial"] : []);
      const kinds = (
        await db.notification.findMany({ where: { accountId: s.account.id }, orderBy: { createdAt: "asc" } })
      ).map((n) => n.kind);
      expect(kinds).toEqual([
        "correction.submittedProvincial",
        "correction.collegeConfirmedProvincial",
        approve ? "correction.provincialApproved" : "correction.provincialRejected",
      ]);
    }
  });

  it("a school-route request for a record locked since is refused at approval", async () => {
    const s = await makeStudent(org);
    const r = await submitCorrection(s.actor, input(s.record.id));
    if (!r.ok) throw new Error("setup");
    const id = r.value.requestId;
    await collegeDecide(college(), { requestId: id, decisions: await acceptAll(id) });
    await db.enrollmentRecord.update({ where: { id: s.record.id }, data: { graduationRegistered: true } });
    const result = await registrarDecide(registrar(), { requestId: id, decisions: await acceptAll(id) });
    expect(result).toMatchObject({ ok: false, error: { key: "corrections.errors.recordLocked" } });
    expect((await db.correctionRequest.findUniqueOrThrow({ where: { id } })).status).toBe(
      "college_confirmed",
    );
  });
});

describe("bulk approval", () => {
  it("covers ordinary requests and skips high-risk fields and provincial decisions with a note", async () => {
    const plain = await makeStudent(org);
    const risky = await makeStudent(org);
    const locked = await makeStudent(org, { graduationRegistered: true });
    const elsewhere = await makeStudent(org, { college: "other" });
    const rp = await submitCorrection(plain.actor, input(plain.record.id));
    const rr = await submitCorrection(
      risky.actor,
      input(risky.record.id, { items: [{ field: "name", value: "王小明", reason: "改名" }] }),
    );
    const rl = await submitCorrection(locked.actor, input(locked.record.id));
    const re = await submitCorrection(elsewhere.actor, input(elsewhere.record.id));
    if (!rp.ok || !rr.ok || !rl.ok || !re.ok) throw new Error("setup");
    const ids = [rp.value.requestId, rr.value.requestId, rl.value.requestId, re.value.requestId];

    const c = await bulkApprove(college(), "college", ids);
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(c.value.decided.sort()).toEqual([rp.value.requestId, rl.value.requestId].sort());
    expect(c.value.skipped).toEqual(
      expect.arrayContaining([
        { id: rr.value.requestId, key: "corrections.bulk.skippedHighRisk" },
        { id: re.value.requestId, key: "corrections.errors.notFound" },
      ]),
    );
    expect((await db.correctionRequest.findUniqueOrThrow({ where: { id: rr.value.requestId } })).status).toBe(
      "submitted",
    );

    const g = await bulkApprove(registrar(), "registrar", ids);
    if (!g.ok) throw new Error("bulk");
    expect(g.value.decided).toEqual([rp.value.requestId]);
    expect(g.value.skipped).toEqual(
      expect.arrayContaining([
        { id: rr.value.requestId, key: "corrections.bulk.skippedHighRisk" },
        { id: rl.value.requestId, key: "corrections.bulk.skippedProvincial" },
        { id: re.value.requestId, key: "corrections.errors.awaitingCollege" },
      ]),
    );
    expect((await db.enrollmentRecord.findUniqueOrThrow({ where: { id: plain.record.id } })).version).toBe(2);
    expect((await db.correctionRequest.findUniqueOrThrow({ where: { id: rl.value.requestId } })).status).toBe(
      "provincial_pending",
    );
  });
});

describe("分院 / 专业 / 班级 corrections are chosen from the organisation", () => {
  it.each([
    ["a college no one has", "college", () => `不存在的学院${uid()}`, "unknownCollege"],
    ["a major no one has", "major", () => "不存在的专业", "unknownMajor"],
    ["a class no one has", "classGroup", () => "计算机2302班", "unknownClassGroup"],
    [
      "another college's class (college unchanged)",
      "classGroup",
      () => org.farClass.name,
      "unknownClassGroup",
    ],
  ])("refuses %s at the field, storing nothing", async (_label, field, value, key) => {
    const s = await makeStudent(org);
    const result = await submitCorrection(
      s.actor,
      input(s.record.id, { items: [{ field, value: value(), reason: "转专业后分班" }], files: [] }),
    );
    expect(!result.ok && result.fieldErrors?.[`value.${field}`]?.key).toBe(`corrections.errors.value.${key}`);
    expect(await db.correctionRequest.count({ where: { recordId: s.record.id } })).toBe(0);
  });

  it("a move to another college without choosing that college's major and class is refused at 分院", async () => {
    const s = await makeStudent(org);
    const result = await submitCorrection(
      s.actor,
      input(s.record.id, {
        items: [{ field: "college", value: org.otherCollege.name, reason: "转学院" }],
        files: [],
      }),
    );
    expect(!result.ok && result.fieldErrors?.["value.college"]?.key).toBe(
      "corrections.errors.value.moveWithUnits",
    );
  });

  it("an existing major and class (also of another college, moving with it) are accepted and applied", async () => {
    const s = await makeStudent(org);
    const r = await submitCorrection(
      s.actor,
      input(s.record.id, {
        items: [
          { field: "college", value: org.otherCollege.name, reason: "转入外国语学院" },
          { field: "major", value: org.farMajor.name, reason: "转入英语专业" },
          { field: "classGroup", value: org.farClass.name, reason: "转入英语班" },
        ],
        files: [],
      }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r));
    const id = r.value.requestId;
    const view = await requestForStaff(college(), "college", id);
    expect(view?.items.every((i) => !i.unknownUnit)).toBe(true);
    await collegeDecide(college(), { requestId: id, decisions: await acceptAll(id) });
    const done = await registrarDecide(registrar(), { requestId: id, decisions: await acceptAll(id) });
    expect(done.ok).toBe(true);
    expect(await db.enrollmentRecord.findUniqueOrThrow({ where: { id: s.record.id } })).toMatchObject({
      collegeId: org.otherCollege.id,
      majorId: org.farMajor.id,
      classGroupId: org.farClass.id,
    });
  });

  it("a class that is gone: both reviewers see it at once; approval is refused (bulk too, in words) until the registrar creates it", async () => {
    const s = await makeStudent(org);
    const gone = await goneClass();
    const r = await submitCorrection(
      s.actor,
      input(s.record.id, { items: [{ field: "classGroup", value: gone.name, reason: "分班" }], files: [] }),
    );
    if (!r.ok) throw new Error("setup");
    await gone.remove();
    const id = r.value.requestId;

    const atCollege = await requestForStaff(college(), "college", id);
    expect(atCollege?.items.map((i) => [i.field, i.unknownUnit])).toEqual([["classGroup", true]]);
    await collegeDecide(college(), { requestId: id, decisions: await acceptAll(id) });
    const atRegistrar = await requestForStaff(registrar(), "registrar", id);
    expect(atRegistrar?.items[0].unknownUnit).toBe(true);

    // bulk approval skips it with a sentence in both languages, never the raw key
    const bulk = await bulkApprove(registrar(), "registrar", [id]);
    if (!bulk.ok) throw new Error("bulk");
    expect(bulk.value.skipped).toEqual([
      { id, key: "corrections.errors.placement.classGroup", params: { value: gone.name } },
    ]);
    for (const locale of ["zh-CN", "en"] as const) {
      // as the bulk action formats it: untyped catalogue, params from the outcome
      const t = createTranslator({ locale, messages: loadMessages(locale) }) as unknown as (
        key: string,
        params: Record<string, string | number>,
      ) => string;
      const [skip] = bulk.value.skipped;
      const text = t(skip.key, { max: MAX_BULK, ...skip.params });
      expect(text).toContain(gone.name);
      expect(text).not.toContain("corrections.errors");
    }

    // a college reviewer cannot reach the registrar's decision (nor its unit creation)
    await expect(
      registrarDecide(college(), { requestId: id, decisions: await acceptAll(id), createUnits: [] }),
    ).rejects.toThrow();
    const refused = await registrarDecide(registrar(), { requestId: id, decisions: await acceptAll(id) });
    expect(refused).toMatchObject({
      ok: false,
      error: { key: "corrections.errors.placement.classGroup", params: { value: gone.name } },
    });
    expect(await db.classGroup.count({ where: { name: gone.name } })).toBe(0);

    const actor = registrar();
    const [item] = await itemsOf(id);
    const approved = await registrarDecide(actor, {
      requestId: id,
      decisions: await acceptAll(id),
      createUnits: [item.id],
    });
    expect(approved).toEqual({ ok: true, value: { status: "approved", accepted: 1, rejected: 0 } });
    const created = await db.classGroup.findUniqueOrThrow({
      where: { collegeId_name: { collegeId: org.college.id, name: gone.name } },
    });
    // under the student's own major, in the student's college
    expect(created.majorId).toBe(s.record.majorId);
    expect((await db.enrollmentRecord.findUniqueOrThrow({ where: { id: s.record.id } })).classGroupId).toBe(
      created.id,
    );
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "organisation.create.classGroup", targetId: created.id },
    });
    expect(entry).toMatchObject({ actorType: "staff", actorId: actor.staffUserId });
    expect(await db.recordHistory.count({ where: { recordId: s.record.id, field: "classGroup" } })).toBe(1);
  });

  it("a missing major is created in the college the record ends up in; unticked items create nothing", async () => {
    const s = await makeStudent(org);
    const gone = await goneMajor();
    const r = await submitCorrection(
      s.actor,
      input(s.record.id, {
        items: [
          { field: "major", value: gone.name, reason: "转专业" },
          { field: "department", value: "软件工程系", reason: "转系" },
        ],
        files: [],
      }),
    );
    if (!r.ok) throw new Error("setup");
    await gone.remove();
    const id = r.value.requestId;
    await collegeDecide(college(), { requestId: id, decisions: await acceptAll(id) });
    const items = await itemsOf(id);
    const department = items.find((i) => i.field === "department")!;
    // ticking "create" on an item that names no unit does nothing; the major is still missing
    const refused = await registrarDecide(registrar(), {
      requestId: id,
      decisions: await acceptAll(id),
      createUnits: [department.id],
    });
    expect(!refused.ok && refused.error?.key).toBe("corrections.errors.placement.major");
    const major = items.find((i) => i.field === "major")!;
    const ok = await registrarDecide(registrar(), {
      requestId: id,
      decisions: await acceptAll(id),
      createUnits: [major.id],
    });
    expect(ok.ok).toBe(true);
    const created = await db.major.findUniqueOrThrow({
      where: { collegeId_name: { collegeId: org.college.id, name: gone.name } },
    });
    expect((await db.enrollmentRecord.findUniqueOrThrow({ where: { id: s.record.id } })).majorId).toBe(
      created.id,
    );
  });
});
