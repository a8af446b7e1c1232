import "server-only";
import { db } from "@/lib/db";
import { type Result, ok, fail } from "@/lib/core/result";
import type { RequestMeta } from "@/lib/core/request-meta";
import { verifyAgainstDummy, verifyPassword } from "@/lib/security/passwords";
import { block, consume, peek, reset } from "@/lib/security/rate-limit";
import { startSession } from "@/lib/auth/sessions";

const LOCK_SECONDS = 15 * 60;

/** Linked to an enabled provider whose admin decided that its staff may not use a password. */
async function mustUseExternalSignIn(staffUserId: string): Promise<boolean> {
  const links = await db.staffExternalLink.count({
    where: { staffUserId, provider: { enabled: true, staffPasswordDisabled: true } },
  });
  return links > 0;
}

/** Staff sign-in at /staff/login: 用户名 + 密码, the same lockout as students, every attempt logged. */
export async function signInStaff(
  input: { username: string; password: string },
  meta: RequestMeta,
): Promise<Result<{ sessionId: string; mustChangePassword: boolean }>> {
  const username = input.username.trim().toLowerCase();
  const user = username ? await db.staffUser.findUnique({ where: { username } }) : null;
  const key = `staff:${username}`;

  const locked = await peek("loginFailuresPerAccount", key);
  if (!locked.ok) {
    await db.loginEvent.create({
      data: { staffUserId: user?.id ?? null, outcome: "locked", ip: meta.ip, userAgent: meta.userAgent },
    });
    return fail("signIn.locked", { until: locked.retryAt.toISOString() });
  }

  const passwordOk = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  if (!user || !passwordOk || user.disabledAt) {
    await db.loginEvent.create({
      data: {
        staffUserId: user?.id ?? null,
        outcome: user ? "bad_password" : "unknown_user",
        ip: meta.ip,
        userAgent: meta.userAgent,
      },
    });
    await consume("loginFailuresPerIp", `ip:${meta.ip ?? "unknown"}`);
    const counted = await consume("loginFailuresPerAccount", key);
    if (!counted.ok || counted.remaining === 0) {
      const until = await block("loginFailuresPerAccount", key, LOCK_SECONDS);
      return fail("signIn.locked", { until: until.toISOString() });
    }
    return fail("signIn.invalidStaff");
  }

  // Checked after the password, so the refusal tells nothing to someone who does not know it.
  if (await mustUseExternalSignIn(user.id)) {
    await db.loginEvent.create({
      data: { staffUserId: user.id, outcome: "sso_required", ip: meta.ip, userAgent: meta.userAgent },
    });
    return fail("sso.errors.passwordDisabled");
  }

  await reset("loginFailuresPerAccount", key);
  await db.loginEvent.create({
    data: { staffUserId: user.id, outcome: "success", ip: meta.ip, userAgent: meta.userAgent },
  });
  const session = await startSession({ staffUserId: user.id }, meta);
  return ok({ sessionId: session.id, mustChangePassword: user.mustChangePassword });
}
