import "server-only";
import { db } from "@/lib/db";
import type { RequestMeta } from "@/lib/core/request-meta";
import { startSession } from "@/lib/auth/sessions";
import { peek } from "@/lib/security/rate-limit";
import { loginEventData, refused, type StepResult } from "./outcome";

/**
 * A student signing in through a bound provider. Only a binding the student made counts — an unbound
 * subject is never matched by name, e-mail or anything else. The account's sign-in lock and cancellation
 * apply exactly as to a password; a pending account signs in and is sent to /identity by its pages.
 */
export async function signInStudentExternal(
  providerId: string,
  subject: string,
  meta: RequestMeta,
): Promise<StepResult<{ sessionId: string; identityStatus: string }>> {
  const binding = await db.externalIdentity.findUnique({
    where: { providerId_subject: { providerId, subject } },
    include: { account: { select: { id: true, identityStatus: true } } },
  });
  if (!binding) {
    await db.loginEvent.create({ data: loginEventData({}, "unbound", providerId, meta) });
    return refused("unbound");
  }
  const account = binding.account;
  if (account.identityStatus === "cancelled") {
    await db.loginEvent.create({
      data: loginEventData({ accountId: account.id }, "cancelled", providerId, meta),
    });
    return refused("cancelled");
  }
  const locked = await peek("loginFailuresPerAccount", account.id);
  if (!locked.ok) {
    await db.loginEvent.create({
      data: loginEventData({ accountId: account.id }, "locked", providerId, meta),
    });
    return refused("locked", locked.retryAt);
  }
  await db.loginEvent.create({
    data: loginEventData({ accountId: account.id }, "success", providerId, meta),
  });
  await db.externalIdentity.update({ where: { id: binding.id }, data: { lastSignInAt: new Date() } });
  const session = await startSession({ accountId: account.id }, meta, "oidc");
  return { ok: true, value: { sessionId: session.id, identityStatus: account.identityStatus } };
}
