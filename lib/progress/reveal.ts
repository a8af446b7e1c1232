import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, recordScopeWhere } from "@/lib/auth/policy";
import { fail, ok, type Result } from "@/lib/core/result";
import { audit } from "@/lib/security/audit";
import { decrypt } from "@/lib/security/crypto";
import { consume } from "@/lib/security/rate-limit";
import { hasPhone, maskPhone } from "@/lib/identity/phone";

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
    where: { id: recordId, ...recordScopeWhere(actor) },
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

/**
 * A student's phone number for a counsellor to call: one record at a time, inside the actor's colleges
 * (others: not found), at most LIMITS.phoneRevealsPerStaffHour per staff member, audited before it is
 * returned (the entry keeps the masked number only).
 */
export async function revealPhone(
  actor: Actor,
  recordId: string,
  ip?: string | null,
): Promise<Result<{ phone: string }>> {
  assertCan(actor, "phone.reveal");
  const who = actor.kind === "staff" ? actor.staffUserId : actor.kind === "api" ? actor.tokenId : "";
  const limit = await consume("phoneRevealsPerStaffHour", who);
  if (!limit.ok) return fail("progress.phone.tooMany", { minutes: Math.ceil(limit.retryAfterSeconds / 60) });
  const record = await db.enrollmentRecord.findFirst({
    where: { id: recordId, ...recordScopeWhere(actor) },
    select: { id: true, studentNumber: true, account: { select: { phone: true } } },
  });
  if (!record) return fail("progress.errors.notFound");
  const phone = record.account?.phone;
  if (!hasPhone(phone)) return fail("progress.phone.none");
  await db.$transaction((tx) =>
    audit(tx, actor, {
      action: "phone.reveal",
      targetType: "EnrollmentRecord",
      targetId: record.id,
      after: { studentNumber: record.studentNumber, phoneMasked: maskPhone(phone) },
      ip,
    }),
  );
  return ok({ phone });
}
