import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { auditCsvStream, listAuditLog } from "@/lib/admin/audit-log";
import { auditFilterSchema } from "@/lib/admin/audit-schemas";
import { makeOrg, makeStudent } from "../records/fixtures";
import { makeStaff, uid } from "./fixtures";

/** Issue 12 item 17: entries name their targets (name, masked 学号) and can be searched by student. */
describe("a readable audit log", async () => {
  const admin = (await makeStaff("admin")).actor;
  const org = await makeOrg();
  const s = await makeStudent(org);
  const other = await makeStudent(org);
  const request = await db.correctionRequest.create({
    data: {
      recordId: s.record.id,
      accountId: s.account.id,
      collegeId: org.college.id,
      recordVersionAtSubmit: 1,
    },
  });
  const tag = uid(4);
  const entry = (action: string, targetType: string, targetId: string) =>
    db.auditLog.create({
      data: { actorType: "staff", actorLabel: `clerk${tag}`, action, targetType, targetId },
    });
  await entry("idNumber.reveal", "EnrollmentRecord", s.record.id);
  await entry("correction.collegeReview", "CorrectionRequest", request.id);
  await entry("account.cancel", "account", s.account.id);
  await entry("idNumber.reveal", "EnrollmentRecord", other.record.id);
  const filter = (input: Record<string, string>) =>
    auditFilterSchema.parse({ actor: `clerk${tag}`, ...input });
  const masked = `${s.record.studentNumber.slice(0, 4)}${"*".repeat(s.record.studentNumber.length - 7)}${s.record.studentNumber.slice(-3)}`;

  it("names each target by the student's name and masked 学号", async () => {
    const { rows } = await listAuditLog(admin, filter({}));
    expect(rows).toHaveLength(4);
    const about = rows.filter((r) => r.target?.name === s.record.name);
    expect(about.map((r) => r.targetType).sort()).toEqual([
      "CorrectionRequest",
      "EnrollmentRecord",
      "account",
    ]);
    expect(about.every((r) => r.target?.studentNumberMasked === masked)).toBe(true);
    expect(JSON.stringify(rows.map((r) => r.target))).not.toContain(s.record.studentNumber);
  });

  it("finds every entry about one student by full 学号 or by name, and nobody else's", async () => {
    const byNumber = await listAuditLog(admin, filter({ student: s.record.studentNumber }));
    expect(byNumber.rows.map((r) => r.targetId).sort()).toEqual(
      [s.account.id, s.record.id, request.id].sort(),
    );
    const byName = await listAuditLog(admin, filter({ student: s.record.name }));
    expect(byName.total).toBe(3);
    // a part of a 学号 is not a student: no list of everyone whose number starts alike
    expect((await listAuditLog(admin, filter({ student: s.record.studentNumber.slice(0, 6) }))).total).toBe(
      0,
    );
    expect((await listAuditLog(admin, filter({ student: "没有这个人" }))).total).toBe(0);
    // hostile input is a plain search
    expect((await listAuditLog(admin, filter({ student: "' OR 1=1 --" }))).total).toBe(0);

    const csv = await auditCsvStream(admin, { ...filter({ student: s.record.studentNumber }) });
    let text = "";
    for await (const chunk of csv as unknown as AsyncIterable<Uint8Array>)
      text += Buffer.from(chunk).toString("utf8");
    const lines = text.trim().split("\r\n");
    expect(lines).toHaveLength(4);
    expect(text).not.toContain(other.record.id);
  });

  it("is for the admin only", async () => {
    const clerk = (await makeStaff("college")).actor;
    await expect(listAuditLog(clerk, filter({ student: s.record.studentNumber }))).rejects.toThrow();
  });
});
