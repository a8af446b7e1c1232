import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { fail, fieldFail, ok, type Result } from "@/lib/core/result";
import { db } from "@/lib/db";
import { nameKey } from "@/lib/identity/name";
import { toHalfWidth } from "@/lib/identity/normalize";
import { audit } from "@/lib/security/audit";
import { consume, peek } from "@/lib/security/rate-limit";
import { examNumberIndexes } from "@/lib/roster-import/exam-number";
import { EXAM_NUMBER, normaliseExamNumber } from "@/lib/roster-import/validate";
import { resolveDuplicateId } from "./resolve";
import { actingStudentAccount } from "./student-account";

export type RosterEvidenceInput = { studentNumber: string; enrolledOn: string; examNumber?: string };
/** resolved: verified at once (the roster's 考生号 matched); queued: a case for support (no 考生号 on file) */
export type RosterEvidenceOutcome = { recordId: string; outcome: "resolved" | "queued" };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 提供学籍信息 (SPEC §3.3): the 学号 + 入学日期 of the enrollment record with the account's name and ID number.
 * Classmates know both (学号 is on class lists, 入学日期 is the cohort's), so they resolve the duplicate ID
 * number at once only together with the record's 考生号, which only the student and the roster hold. A
 * record without a 考生号 in the roster sends the evidence to the support queue instead. A miss says only
 * "does not match" and counts against a daily limit (guessing must not pay off).
 */
export async function submitRosterEvidence(
  actorIn: Actor | null,
  input: RosterEvidenceInput,
  meta: { ip?: string | null; now?: Date } = {},
): Promise<Result<RosterEvidenceOutcome>> {
  const { actor, account } = await actingStudentAccount(actorIn, "identityCase.submit");
  if (account.identityStatus !== "pending") return fail("identity.errors.notPending");

  const studentNumber = toHalfWidth(input.studentNumber).replace(/\s+/g, "");
  const enrolledOn = input.enrolledOn.trim();
  const examNumber = normaliseExamNumber(input.examNumber ?? "");
  const errors: Record<string, { key: string }> = {};
  if (!/^[A-Za-z0-9-]{1,32}$/.test(studentNumber))
    errors.studentNumber = { key: "identity.roster.errors.studentNumber" };
  if (!DATE.test(enrolledOn) || !z.iso.date().safeParse(enrolledOn).success)
    errors.enrolledOn = { key: "identity.roster.errors.enrolledOn" };
  if (examNumber !== "" && !EXAM_NUMBER.test(examNumber))
    errors.examNumber = { key: "identity.roster.errors.examNumber" };
  if (Object.keys(errors).length) return fieldFail(errors);

  const limitKey = `acct:${account.id}`;
  if (!(await peek("rosterEvidenceFailuresPerDay", limitKey)).ok)
    return fail("identity.roster.errors.tooMany");

  const record = await db.enrollmentRecord.findUnique({
    where: { studentNumber },
    select: { id: true, name: true, idNumberIndex: true, enrolledOn: true, examNumberIndex: true },
  });
  const matches =
    !!record &&
    record.idNumberIndex === account.idNumberIndex &&
    nameKey(record.name) === nameKey(account.name) &&
    record.enrolledOn === enrolledOn &&
    // a 考生号 typed by the student must be the roster's, when the roster has one
    (examNumber === "" ||
      !record.examNumberIndex ||
      examNumberIndexes(examNumber).includes(record.examNumberIndex));
  if (!matches || !record) {
    await consume("rosterEvidenceFailuresPerDay", limitKey);
    await db.$transaction((tx) =>
      audit(tx, actor, {
        action: "identity.rosterEvidence.miss",
        targetType: "account",
        targetId: account.id,
        ip: meta.ip,
      }),
    );
    return fail("identity.roster.errors.noMatch");
  }

  if (!record.examNumberIndex) return queueForSupport(actor, account, record.id, meta);
  if (examNumber === "")
    return fieldFail({ examNumber: { key: "identity.roster.errors.examNumberRequired" } });

  const resolved = await resolveDuplicateId({
    accountId: account.id,
    via: "roster_evidence",
    actor,
    ip: meta.ip,
    now: meta.now,
    apply: async (tx, now) => {
      const created = await tx.identityCase.create({
        data: {
          accountId: account.id,
          kind: "roster_evidence",
          status: "approved",
          idNumberIndex: account.idNumberIndex,
          idMasked: account.idMasked,
          decidedAt: now,
          createdAt: now,
        },
      });
      await audit(tx, actor, {
        action: "identity.rosterEvidence.match",
        targetType: "identityCase",
        targetId: created.id,
        after: { recordId: record.id },
        ip: meta.ip,
      });
    },
  });
  return resolved.ok ? ok({ recordId: record.id, outcome: "resolved" }) : resolved;
}

/**
 * The roster holds no 考生号 for this record: the evidence becomes a pending case in the support queue
 * (one open at a time), decided by a person within the usual working days.
 */
async function queueForSupport(
  actor: Actor,
  account: { id: string; idNumberIndex: string; idMasked: string },
  recordId: string,
  meta: { ip?: string | null; now?: Date },
): Promise<Result<RosterEvidenceOutcome>> {
  const now = meta.now ?? new Date();
  const open = await db.identityCase.findFirst({
    where: { accountId: account.id, kind: "roster_evidence", status: "pending" },
    select: { id: true },
  });
  if (open) return ok({ recordId, outcome: "queued" });
  await db.$transaction(async (tx) => {
    const created = await tx.identityCase.create({
      data: {
        accountId: account.id,
        kind: "roster_evidence",
        status: "pending",
        idNumberIndex: account.idNumberIndex,
        idMasked: account.idMasked,
        evidenceRecordId: recordId,
        createdAt: now,
      },
    });
    await audit(tx, actor, {
      action: "identity.rosterEvidence.queued",
      targetType: "identityCase",
      targetId: created.id,
      after: { recordId },
      ip: meta.ip,
    });
  });
  return ok({ recordId, outcome: "queued" });
}
