import "server-only";
import { db } from "@/lib/db";
import type { StudentActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { resolveSession } from "@/lib/auth/sessions";
import { fail, ok, type Result } from "@/lib/core/result";
import { NotFoundError } from "@/lib/core/result";
import { notifySecurityEvent } from "@/lib/accounts/notices";
import { audit } from "@/lib/security/audit";
import { maskSubject } from "./mask";
import { refused, type StepResult } from "./outcome";

/** The signed-in student's bindings as /account shows them (the subject masked). */
export async function listBindings(actor: StudentActor) {
  assertCan(actor, "account.manageOwn");
  const rows = await db.externalIdentity.findMany({
    where: { accountId: actor.accountId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      subject: true,
      createdAt: true,
      lastSignInAt: true,
      provider: { select: { slug: true, nameZh: true, nameEn: true } },
    },
  });
  return rows.map(({ subject, ...row }) => ({ ...row, subjectMasked: maskSubject(subject) }));
}

async function liveStudentAccount(actor: StudentActor) {
  assertCan(actor, "account.manageOwn");
  const account = await db.account.findUnique({ where: { id: actor.accountId } });
  if (!account || account.identityStatus === "cancelled") throw new NotFoundError();
  return account;
}

/**
 * Finishes a binding the student started on /account: only in the same, still-live session, and only
 * for a subject no other account holds (which account holds it is not said).
 */
export async function bindExternalIdentity(
  flow: { accountId: string | null; sessionId: string | null },
  provider: { id: string; slug: string; nameZh: string; nameEn: string },
  subject: string,
  currentSessionId: string | null,
  meta: { ip: string | null },
): Promise<StepResult<null>> {
  if (!flow.accountId || !flow.sessionId || currentSessionId !== flow.sessionId)
    return refused("session_changed");
  const actor = await resolveSession(currentSessionId);
  if (!actor || actor.kind !== "student" || actor.accountId !== flow.accountId)
    return refused("session_changed");
  const account = await liveStudentAccount(actor);
  const holder = await db.externalIdentity.findUnique({
    where: { providerId_subject: { providerId: provider.id, subject } },
  });
  if (holder)
    return holder.accountId === account.id ? { ok: true, value: null } : refused("already_bound_elsewhere");
  try {
    await db.$transaction(async (tx) => {
      const created = await tx.externalIdentity.create({
        data: { accountId: account.id, providerId: provider.id, subject },
      });
      await audit(tx, actor, {
        action: "account.external.bind",
        targetType: "externalIdentity",
        targetId: created.id,
        after: { provider: provider.slug, subject: maskSubject(subject) },
        ip: meta.ip,
      });
    });
  } catch (e) {
    // Two bindings racing: the unique constraints let exactly one in.
    if ((e as { code?: unknown })?.code === "P2002") return refused("already_bound_elsewhere");
    throw e;
  }
  await notifySecurityEvent(account, "externalBound", {
    provider: provider.nameZh,
    providerEn: provider.nameEn,
  });
  return { ok: true, value: null };
}

/** 解绑: removes one of the student's own bindings (someone else's is "not found"), audited and notified. */
export async function unbindExternalIdentity(
  actor: StudentActor,
  id: string,
  meta: { ip?: string | null } = {},
): Promise<Result<null>> {
  const account = await liveStudentAccount(actor);
  const binding = await db.externalIdentity.findFirst({
    where: { id, accountId: account.id },
    include: { provider: { select: { slug: true, nameZh: true, nameEn: true } } },
  });
  if (!binding) return fail("account.external.notFound");
  const removed = await db.$transaction(async (tx) => {
    const done = await tx.externalIdentity.deleteMany({ where: { id, accountId: account.id } });
    if (done.count === 1)
      await audit(tx, actor, {
        action: "account.external.unbind",
        targetType: "externalIdentity",
        targetId: id,
        before: { provider: binding.provider.slug, subject: maskSubject(binding.subject) },
        ip: meta.ip,
      });
    return done.count === 1;
  });
  if (!removed) return fail("account.external.notFound");
  await notifySecurityEvent(account, "externalUnbound", {
    provider: binding.provider.nameZh,
    providerEn: binding.provider.nameEn,
  });
  return ok(null);
}
