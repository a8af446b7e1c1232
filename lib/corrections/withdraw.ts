import "server-only";
import type { StudentActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { fail, ok, type Result } from "@/lib/core/result";
import { db } from "@/lib/db";
import { audit } from "@/lib/security/audit";
import { evidenceRetentionDays } from "./evidence";

/**
 * The student withdraws their own request while nobody has reviewed it yet (status submitted). The update
 * is conditional on that status and the lockVersion read, so a withdrawal racing a college decision
 * either wins entirely or is refused.
 */
export async function withdrawCorrection(
  actor: StudentActor,
  requestId: string,
  now: Date = new Date(),
): Promise<Result<{ status: "withdrawn" }>> {
  assertCan(actor, "correction.submit");
  const request = await db.correctionRequest.findFirst({
    where: { id: requestId, accountId: actor.accountId },
    select: { id: true, status: true, lockVersion: true },
  });
  if (!request) return fail("corrections.errors.notFound");
  if (request.status !== "submitted") return fail("corrections.errors.cannotWithdraw");
  const days = await evidenceRetentionDays();
  const done = await db.$transaction(async (tx) => {
    const { count } = await tx.correctionRequest.updateMany({
      where: { id: request.id, status: "submitted", lockVersion: request.lockVersion },
      data: { status: "withdrawn", withdrawnAt: now, closedAt: now, lockVersion: request.lockVersion + 1 },
    });
    if (count !== 1) return false;
    await tx.evidenceFile.updateMany({
      where: { requestId: request.id, deleteAfter: null },
      data: { deleteAfter: new Date(now.getTime() + days * 86_400_000) },
    });
    await audit(tx, actor, {
      action: "correction.withdraw",
      targetType: "CorrectionRequest",
      targetId: request.id,
    });
    return true;
  });
  return done ? ok({ status: "withdrawn" }) : fail("corrections.errors.cannotWithdraw");
}
