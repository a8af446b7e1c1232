import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { submitRosterEvidence } from "@/lib/identity-cases/roster-evidence";
import { duplicateScenario, makeRecord, randomIdNumber, randomName, studentActor } from "./fixtures";

describe("roster evidence (SPEC §3.3)", () => {
  it("resolves at once when 学号 + 入学日期 match the record with the same name and ID number", async () => {
    const s = await duplicateScenario();
    const result = await submitRosterEvidence(studentActor(s.pending), {
      studentNumber: ` ${s.record.studentNumber} `,
      enrolledOn: s.record.enrolledOn,
    });
    expect(result).toEqual({ ok: true, value: { recordId: s.record.id } });
    expect((await db.account.findUniqueOrThrow({ where: { id: s.pending.id } })).identityStatus).toBe(
      "verified",
    );
    expect((await db.account.findUniqueOrThrow({ where: { id: s.holder.id } })).identityStatus).toBe(
      "cancelled",
    );
    expect((await db.enrollmentRecord.findUniqueOrThrow({ where: { id: s.record.id } })).accountId).toBe(
      s.pending.id,
    );
    const row = await db.identityCase.findFirstOrThrow({
      where: { accountId: s.pending.id, kind: "roster_evidence" },
    });
    expect(row.status).toBe("approved");
    expect(row.decidedById).toBeNull();
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
    expect((await db.account.findUniqueOrThrow({ where: { id: s.pending.id } })).identityStatus).toBe(
      "pending",
    );
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
    expect(await submitRosterEvidence(actor, { studentNumber: "", enrolledOn: "2023-13-45" })).toMatchObject({
      ok: false,
      fieldErrors: {
        studentNumber: { key: "identity.roster.errors.studentNumber" },
        enrolledOn: { key: "identity.roster.errors.enrolledOn" },
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
    expect((await db.account.findUniqueOrThrow({ where: { id: s.pending.id } })).identityStatus).toBe(
      "pending",
    );
  });
});
