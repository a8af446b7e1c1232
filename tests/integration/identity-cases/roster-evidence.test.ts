import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { submitRosterEvidence } from "@/lib/identity-cases/roster-evidence";
import { decideIdentityCase } from "@/lib/identity-cases/support-decide";
import { caseForReview, listSupportQueue } from "@/lib/identity-cases/support-queue";
import { createRosterImport, runCommit, runPreview, startCommit } from "@/lib/roster-import/jobs";
import { examNumberIndex } from "@/lib/roster-import/exam-number";
import { registrarActor, toCsv, validRow } from "../roster-import/support";
import {
  duplicateScenario,
  makeAccount,
  makeRecord,
  makeStaff,
  randomIdNumber,
  randomName,
  studentActor,
} from "./fixtures";

let serial = 0;
/** A fresh 14-digit 考生号. */
const examNumber = () => `26${String(Date.now() % 1e9).padStart(9, "0")}${String(++serial).padStart(3, "0")}`;

async function withExamNumber(recordId: string, value: string) {
  await db.enrollmentRecord.update({
    where: { id: recordId },
    data: { examNumberIndex: examNumberIndex(value) },
  });
}

const status = async (id: string) => (await db.account.findUniqueOrThrow({ where: { id } })).identityStatus;

describe("roster evidence (SPEC §3.3)", () => {
  it("resolves at once when name, ID number, 学号, 入学日期 and the roster's 考生号 match", async () => {
    const s = await duplicateScenario();
    const exam = examNumber();
    await withExamNumber(s.record.id, exam);
    const result = await submitRosterEvidence(studentActor(s.pending), {
      studentNumber: ` ${s.record.studentNumber} `,
      enrolledOn: s.record.enrolledOn,
      examNumber: ` ${exam.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))} `,
    });
    expect(result).toEqual({ ok: true, value: { recordId: s.record.id, outcome: "resolved" } });
    expect(await status(s.pending.id)).toBe("verified");
    expect(await status(s.holder.id)).toBe("cancelled");
    expect((await db.enrollmentRecord.findUniqueOrThrow({ where: { id: s.record.id } })).accountId).toBe(
      s.pending.id,
    );
    const row = await db.identityCase.findFirstOrThrow({
      where: { accountId: s.pending.id, kind: "roster_evidence" },
    });
    expect(row).toMatchObject({ status: "approved", decidedById: null });
  });

  it("学号 + 入学日期 alone (what classmates know) never take over a number whose record has a 考生号", async () => {
    const s = await duplicateScenario();
    await withExamNumber(s.record.id, examNumber());
    const bare = await submitRosterEvidence(studentActor(s.pending), {
      studentNumber: s.record.studentNumber,
      enrolledOn: s.record.enrolledOn,
    });
    expect(bare).toMatchObject({
      ok: false,
      fieldErrors: { examNumber: { key: "identity.roster.errors.examNumberRequired" } },
    });
    const wrong = await submitRosterEvidence(studentActor(s.pending), {
      studentNumber: s.record.studentNumber,
      enrolledOn: s.record.enrolledOn,
      examNumber: examNumber(),
    });
    expect(wrong).toMatchObject({ ok: false, error: { key: "identity.roster.errors.noMatch" } });
    expect(await status(s.pending.id)).toBe("pending");
    expect(await status(s.holder.id)).toBe("verified");
    expect(await db.identityCase.count({ where: { accountId: s.pending.id } })).toBe(0);
  });

  it("without a 考生号 in the roster the evidence goes to the support queue, and support decides", async () => {
    const s = await duplicateScenario();
    const actor = studentActor(s.pending);
    const input = { studentNumber: s.record.studentNumber, enrolledOn: s.record.enrolledOn };
    expect(await submitRosterEvidence(actor, input)).toEqual({
      ok: true,
      value: { recordId: s.record.id, outcome: "queued" },
    });
    // nothing changed yet; a second submission does not open a second case
    expect(await status(s.pending.id)).toBe("pending");
    expect(await status(s.holder.id)).toBe("verified");
    expect((await submitRosterEvidence(actor, input)).ok).toBe(true);
    const cases = await db.identityCase.findMany({
      where: { accountId: s.pending.id, kind: "roster_evidence" },
    });
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ status: "pending", evidenceRecordId: s.record.id });

    const support = await makeStaff("support");
    const queue = await listSupportQueue(support);
    expect(queue.items.map((i) => i.id)).toContain(cases[0].id);
    const view = await caseForReview(support, cases[0].id);
    expect(view?.evidence).toMatchObject({
      studentNumber: s.record.studentNumber,
      enrolledOn: s.record.enrolledOn,
      sameIdNumber: true,
    });
    expect(await decideIdentityCase(support, { caseId: cases[0].id, decision: "approve" })).toEqual({
      ok: true,
      value: { status: "approved" },
    });
    expect(await status(s.pending.id)).toBe("verified");
    expect(await status(s.holder.id)).toBe("cancelled");
  });

  it.each([
    [
      "a wrong enrolment date",
      (r: { studentNumber: string }) => ({ studentNumber: r.studentNumber, enrolledOn: "2022-09-01" }),
    ],
    ["an unknown 学号", () => ({ studentNumber: "T999999999999", enrolledOn: "2023-09-01" })],
  ])("says only 'does not match' for %s", async (_label, input) => {
    const s = await duplicateScenario();
    const result = await submitRosterEvidence(studentActor(s.pending), input(s.record));
    expect(result).toEqual({
      ok: false,
      error: { key: "identity.roster.errors.noMatch", params: undefined },
    });
    expect(await status(s.pending.id)).toBe("pending");
  });

  it("does not accept someone else's record of the same class", async () => {
    const s = await duplicateScenario();
    const other = await makeRecord(s.cls, { name: randomName(), idNumber: randomIdNumber() });
    const result = await submitRosterEvidence(studentActor(s.pending), {
      studentNumber: other.studentNumber,
      enrolledOn: other.enrolledOn,
    });
    expect(result.ok).toBe(false);
  });

  it("checks the format and limits misses to 5 a day", async () => {
    const s = await duplicateScenario();
    const actor = studentActor(s.pending);
    expect(
      await submitRosterEvidence(actor, { studentNumber: "", enrolledOn: "2023-13-45", examNumber: "12345" }),
    ).toMatchObject({
      ok: false,
      fieldErrors: {
        studentNumber: { key: "identity.roster.errors.studentNumber" },
        enrolledOn: { key: "identity.roster.errors.enrolledOn" },
        examNumber: { key: "identity.roster.errors.examNumber" },
      },
    });
    for (let i = 0; i < 5; i++) {
      const miss = await submitRosterEvidence(actor, {
        studentNumber: s.record.studentNumber,
        enrolledOn: "2020-01-01",
      });
      expect(miss).toMatchObject({ ok: false, error: { key: "identity.roster.errors.noMatch" } });
    }
    const blocked = await submitRosterEvidence(actor, {
      studentNumber: s.record.studentNumber,
      enrolledOn: s.record.enrolledOn,
    });
    expect(blocked).toMatchObject({ ok: false, error: { key: "identity.roster.errors.tooMany" } });
    expect(await status(s.pending.id)).toBe("pending");
  });

  it("takes the 考生号 from an imported roster (header alias), keeps it on re-import without one, never bumps the version for it", async () => {
    const registrar = registrarActor();
    const name = randomName();
    const row = validRow({ 姓名: name }, `考生号学院${Date.now()}`);
    const exam = examNumber();
    const run = async (csv: string) => {
      const created = await createRosterImport(registrar, { name: "r.csv", bytes: Buffer.from(csv) });
      if (!created.ok) throw new Error(JSON.stringify(created));
      await runPreview(created.value.jobId);
      expect((await startCommit(registrar, created.value.jobId)).ok).toBe(true);
      await runCommit(created.value.jobId, registrar);
      return db.importJob.findUniqueOrThrow({ where: { id: created.value.jobId } });
    };
    const withColumn = (value: string) => {
      const [header, line] = toCsv([row])
        .replace(/^\uFEFF/, "")
        .split(/\r?\n/);
      return `${header},高考考生号\r\n${line},${value}\r\n`;
    };
    // first without the column, then the 考生号 arrives for the unchanged record: stored, version kept
    expect(await run(toCsv([row]))).toMatchObject({ status: "committed", newRows: 1 });
    const before = await db.enrollmentRecord.findUniqueOrThrow({ where: { studentNumber: row["学号"] } });
    expect(before.examNumberIndex).toBeNull();
    expect(await run(withColumn(exam))).toMatchObject({ status: "committed", unchangedRows: 1 });
    const stored = await db.enrollmentRecord.findUniqueOrThrow({ where: { studentNumber: row["学号"] } });
    expect(stored.examNumberIndex).toBe(examNumberIndex(exam));
    expect(stored.examNumberIndex).not.toContain(exam);
    expect(stored.version).toBe(before.version);
    // a later file without the column (or an empty cell) keeps it; a malformed one is a row error
    await run(toCsv([row]));
    await run(withColumn(""));
    expect(
      (await db.enrollmentRecord.findUniqueOrThrow({ where: { studentNumber: row["学号"] } }))
        .examNumberIndex,
    ).toBe(examNumberIndex(exam));
    const bad = await createRosterImport(registrar, {
      name: "r.csv",
      bytes: Buffer.from(withColumn("12AB")),
    });
    if (!bad.ok) throw new Error("upload");
    await runPreview(bad.value.jobId);
    expect(await db.importRowIssue.findFirst({ where: { jobId: bad.value.jobId } })).toMatchObject({
      field: "examNumber",
      severity: "error",
    });

    // the student whose number was taken proves it with the roster's 考生号
    const person = { name, idNumber: row["证件号码"] };
    const holder = await makeAccount(person, "verified");
    await db.enrollmentRecord.update({ where: { id: stored.id }, data: { accountId: holder.id } });
    const pending = await makeAccount(person, "pending");
    const result = await submitRosterEvidence(studentActor(pending), {
      studentNumber: row["学号"],
      enrolledOn: row["入学日期"],
      examNumber: exam,
    });
    expect(result).toMatchObject({ ok: true, value: { outcome: "resolved" } });
  });
});
