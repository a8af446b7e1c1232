import "server-only";
import type { Actor, StudentActor } from "@/lib/auth/actor";
import { assertCan, type Permission } from "@/lib/auth/policy";
import { AuthorizationError } from "@/lib/core/result";
import { db } from "@/lib/db";

/** The acting student's account row, after the permission check (a student acts only on their own). */
export async function actingStudentAccount(actor: Actor | null, permission: Permission) {
  assertCan(actor, permission);
  if (actor.kind !== "student") throw new AuthorizationError();
  const account = await db.account.findUnique({ where: { id: actor.accountId } });
  if (!account || account.identityStatus === "cancelled") throw new AuthorizationError();
  return { actor: actor as StudentActor, account };
}
