import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { fail, fieldFail, ok, type Result } from "@/lib/core/result";
import { db } from "@/lib/db";
import { nameKey } from "@/lib/identity/name";
import { toHalfWidth } from "@/lib/identity/normalize";
import { audit } from "@/lib/security/audit";
import { consume, peek } from "@/lib/security/rate-limit";
import { resolveDuplicateId } from "./resolve";
import { actingStudentAccount } from "./student-account";

export type RosterEvidenceInput = { studentNumber: string; enrolledOn: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 提供学籍信息 (SPEC §3.3): 学号 + 入学日期 that, together with the account's name and ID number, match one
 * enrollment record resolve the duplicate ID number at once, without a human. A miss says only "does not
 * match" and counts against a daily limit (guessing 学号 must not pay off).
 */
export async function submitRosterEvidence(
  actorIn: Actor | null,
  input: RosterEvidenceInput,
  meta: { ip?: string | null; now?: Date } = {},
): Promise<Result<{ recordId: string }>> {
  const { actor, account } = await actingStudentAccount(actorIn, "identityCase.submit");
  if (account.identityStatus !== "pending") return fail("identity.errors.notPending");

  const studentNumber = toHalfWidth(input.studentNumber).replace(/\s+/g, "");
  const enrolledOn = input.enrolledOn.trim();
  const errors: Record<string, { key: string }> = {};
  if (!/^[A-Za-z0-9-]{1,32}$/.test(studentNumber))
    errors.studentNumber = { key: "identity.roster.errors.studentNumber" };
  if (!DATE.test(enrolledOn) || !z.iso.date().safeParse(enrolledOn).success)
    errors.enrolledOn = { key: "identity.roster.errors.enrolledOn" };
  if (Object.keys(errors).length) return fieldFail(errors);

  const limitKey = `acct:${account.id}`;
  if (!(await peek("rosterEvidenceFailuresPerDay", limitKey)).ok)
    return fail("identity.roster.errors.tooMany");

  const record = await db.enrollmentRecord.findUnique({
    where: { studentNumber },
    select: { id: true, name: true, idNumberIndex: true, enrolledOn: true },
  });
  const matches =
    !!record &&
    record.idNumberIndex === account.idNumberIndex &&
    nameKey(record.name) === nameKey(account.name) &&
    record.enrolledOn === enrolledOn;
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
  return resolved.ok ? ok({ recordId: record.id }) : resolved;
}
