import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, collegeWhere } from "@/lib/auth/policy";
import { fail, ok, type Result } from "@/lib/core/result";
import { audit } from "@/lib/security/audit";
import { decrypt } from "@/lib/security/crypto";

/**
 * SPEC §5: staff see a full ID number only on purpose. The reveal is one record at a time, inside the
 * actor's colleges (others: not found), and written to the audit log before the number is returned.
 */
export async function revealIdNumber(
  actor: Actor,
  recordId: string,
  ip?: string | null,
): Promise<Result<{ idNumber: string }>> {
  assertCan(actor, "idNumber.reveal");
  const record = await db.enrollmentRecord.findFirst({
    where: { id: recordId, ...collegeWhere(actor) },
    select: { id: true, idNumberEnc: true, idMasked: true, studentNumber: true },
  });
  if (!record) return fail("progress.errors.notFound");
  await db.$transaction(async (tx) => {
    await audit(tx, actor, {
      action: "idNumber.reveal",
      targetType: "EnrollmentRecord",
      targetId: record.id,
      after: { studentNumber: record.studentNumber, idMasked: record.idMasked },
      ip,
    });
  });
  return ok({ idNumber: decrypt(record.idNumberEnc) });
}
