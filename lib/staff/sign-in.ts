import "server-only";
import { db } from "@/lib/db";
import { type Result, ok, fail } from "@/lib/core/result";
import type { RequestMeta } from "@/lib/core/request-meta";
import { verifyAgainstDummy, verifyPassword } from "@/lib/security/passwords";
import {
  block,
  changeCountersWith,
  countAll,
  type CountedEvent,
  LIMITS,
  peek,
  refund,
  usedPoints,
} from "@/lib/security/rate-limit";
import { verifyCaptcha } from "@/lib/security/captcha";
import { passwordLoginEvent, signInRows } from "@/lib/auth/sessions";

const LOCK_SECONDS = 15 * 60;

/** Linked to an enabled provider whose admin decided that its staff may not use a password. */
async function mustUseExternalSignIn(staffUserId: string): Promise<boolean> {
  const links = await db.staffExternalLink.count({
    where: { staffUserId, provider: { enabled: true, staffPasswordDisabled: true } },
  });
  return links > 0;
}

/** Failures (for the account anywhere, or from the address) after which staff sign-in needs the captcha. */
export const STAFF_CAPTCHA_AFTER_FAILURES = 3;

/**
 * Counter keys. The lock is per account AND address: a stranger's 10 wrong passwords lock `admin` out for
 * the stranger's address only, never for the registrar at their desk. Failures of the account from
 * anywhere bring the captcha, so guessing from many addresses is slowed by a picture each time.
 */
export function staffKeys(username: string, ip: string | null) {
  const source = ip ?? "unknown";
  return { account: `staff:${username}`, source: `staff:${username}@${source}`, ip: `ip:${source}` };
}

/** Whether /staff/login must show the picture captcha for this username and address. */
export async function staffCaptchaRequired(username: string, ip: string | null): Promise<boolean> {
  const keys = staffKeys(username.trim().toLowerCase(), ip);
  const [a, i] = await Promise.all([
    username ? usedPoints("loginFailuresPerAccount", keys.account) : 0,
    usedPoints("loginFailuresPerIp", keys.ip),
  ]);
  return a >= STAFF_CAPTCHA_AFTER_FAILURES || i >= STAFF_CAPTCHA_AFTER_FAILURES;
}

/** The lock a staff account has from this address (also honoured by the campus identity sign-in). */
export async function staffLock(username: string, ip: string | null) {
  return peek("staffLoginFailuresPerAccountAndAddress", staffKeys(username, ip).source);
}

/**
 * Staff sign-in at /staff/login: 用户名 + 密码, the captcha after 3 failures, a 15-minute lock after 10
 * failures from one address (for that address), every attempt logged. Attempts are counted before the
 * password is verified, as on the student side (lib/accounts/sign-in.ts).
 */
export async function signInStaff(
  input: { username: string; password: string; captchaId?: string; captchaAnswer?: string },
  meta: RequestMeta,
): Promise<Result<{ sessionId: string; mustChangePassword: boolean }>> {
  const username = input.username.trim().toLowerCase();
  const user = username ? await db.staffUser.findUnique({ where: { username } }) : null;
  const keys = staffKeys(username, meta.ip);
  const log = (outcome: string, staffUserId = user?.id ?? null) =>
    db.loginEvent.create({ data: { staffUserId, outcome, ip: meta.ip, userAgent: meta.userAgent } });

  const locked = await peek("staffLoginFailuresPerAccountAndAddress", keys.source);
  if (!locked.ok) {
    await log("locked");
    return fail("signIn.locked", { until: locked.retryAt.toISOString() });
  }

  // the three counters in one transaction (SQLite: one write to the disk)
  const [perAccount, perSource, perIp] = await countAll([
    { name: "loginFailuresPerAccount", key: keys.account },
    { name: "staffLoginFailuresPerAccountAndAddress", key: keys.source },
    { name: "loginFailuresPerIp", key: keys.ip },
  ]);
  const takeBack = () =>
    Promise.all([
      refund("loginFailuresPerAccount", keys.account),
      refund("staffLoginFailuresPerAccountAndAddress", keys.source),
      refund("loginFailuresPerIp", keys.ip),
    ]);

  if (perAccount.used > STAFF_CAPTCHA_AFTER_FAILURES || perIp.used > STAFF_CAPTCHA_AFTER_FAILURES) {
    const answered = !!input.captchaId && (await verifyCaptcha(input.captchaId, input.captchaAnswer));
    if (!answered) {
      await takeBack();
      if (!input.captchaId) return { ok: false, fieldErrors: { captcha: { key: "signIn.captchaRequired" } } };
      await log("captcha_failed");
      return { ok: false, fieldErrors: { captcha: { key: "signIn.captchaWrong" } } };
    }
  }
  if (!perSource.result.ok) {
    await log("locked");
    return fail("signIn.locked", { until: perSource.result.retryAt.toISOString() });
  }

  const passwordOk = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  if (!user || !passwordOk || user.disabledAt) {
    await log(user ? "bad_password" : "unknown_user");
    if (perSource.used >= LIMITS.staffLoginFailuresPerAccountAndAddress.points) {
      const until = await block("staffLoginFailuresPerAccountAndAddress", keys.source, LOCK_SECONDS);
      return fail("signIn.locked", { until: until.toISOString() });
    }
    return fail("signIn.invalidStaff");
  }

  // The right password: this attempt and the account's failures no longer count; they are cleared in the
  // transaction that logs the outcome (and starts the session).
  const cleared: { reset: CountedEvent[]; refund: CountedEvent[] } = {
    reset: [
      { name: "loginFailuresPerAccount", key: keys.account },
      { name: "staffLoginFailuresPerAccountAndAddress", key: keys.source },
    ],
    refund: [{ name: "loginFailuresPerIp", key: keys.ip }],
  };
  // Checked after the password, so the refusal tells nothing to someone who does not know it.
  if (await mustUseExternalSignIn(user.id)) {
    await changeCountersWith(cleared, [passwordLoginEvent({ staffUserId: user.id }, "sso_required", meta)]);
    return fail("sso.errors.passwordDisabled");
  }

  const rows = signInRows({ staffUserId: user.id }, meta);
  await changeCountersWith(cleared, [rows.loginEvent, rows.session]);
  return ok({ sessionId: rows.sessionId, mustChangePassword: user.mustChangePassword });
}
