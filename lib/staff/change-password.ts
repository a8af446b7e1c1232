import "server-only";
import { db } from "@/lib/db";
import type { StaffActor } from "@/lib/auth/actor";
import { endAllSessions } from "@/lib/auth/sessions";
import { fail, fieldFail, ok, type Result } from "@/lib/core/result";
import { audit } from "@/lib/security/audit";
import { hashPassword, verifyPassword } from "@/lib/security/passwords";
import { block, consume, reset } from "@/lib/security/rate-limit";
import { passwordProblemMessage, staffPasswordProblem } from "@/lib/admin/password-rules";
import { changeOwnPasswordSchema } from "@/lib/admin/staff-schemas";
import { staffKeys } from "./sign-in";

const LOCK_SECONDS = 15 * 60;

/**
 * A staff member changes their own password (required before anything else when an admin set it, or for
 * demo accounts outside demo mode). Wrong current passwords count like failed sign-ins, so a borrowed
 * session cannot be used to guess the password; other sessions of this person end.
 */
export async function changeOwnPassword(
  actor: StaffActor,
  input: { currentPassword: string; newPassword: string; confirmPassword: string },
  meta: { ip?: string | null } = {},
): Promise<Result<{ changed: true }>> {
  const parsed = changeOwnPasswordSchema.safeParse(input);
  if (!parsed.success) {
    const missing = parsed.error.issues.some((i) => i.path[0] === "currentPassword");
    return fieldFail(
      missing
        ? { currentPassword: { key: "admin.ownPassword.currentRequired" } }
        : { newPassword: passwordProblemMessage("tooShort") },
    );
  }
  const { currentPassword, newPassword, confirmPassword } = parsed.data;
  const user = await db.staffUser.findUnique({ where: { id: actor.staffUserId } });
  if (!user || user.disabledAt) return fail("admin.errors.notFound");

  // The same counters as a failed sign-in from this address (lib/staff/sign-in.ts).
  const keys = staffKeys(user.username, meta.ip ?? null);
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await consume("loginFailuresPerAccount", keys.account);
    const counted = await consume("staffLoginFailuresPerAccountAndAddress", keys.source);
    if (!counted.ok || counted.remaining === 0)
      await block("staffLoginFailuresPerAccountAndAddress", keys.source, LOCK_SECONDS);
    return fieldFail({ currentPassword: { key: "admin.ownPassword.currentWrong" } });
  }
  const problem = staffPasswordProblem(newPassword, user.username, user.displayName);
  if (problem) return fieldFail({ newPassword: passwordProblemMessage(problem) });
  if (newPassword === currentPassword)
    return fieldFail({ newPassword: { key: "admin.ownPassword.sameAsOld" } });
  if (newPassword !== confirmPassword)
    return fieldFail({ confirmPassword: { key: "admin.ownPassword.mismatch" } });

  const passwordHash = await hashPassword(newPassword);
  await reset("staffLoginFailuresPerAccountAndAddress", keys.source);
  await db.$transaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    await endAllSessions(tx, { staffUserId: user.id }, "password_changed", actor.sessionId);
    await audit(tx, actor, {
      action: "staff.changeOwnPassword",
      targetType: "staffUser",
      targetId: user.id,
      after: { username: user.username, mustChangePassword: false },
      ip: meta.ip,
    });
  });
  return ok({ changed: true });
}
