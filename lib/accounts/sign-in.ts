import "server-only";
import { db } from "@/lib/db";
import { type Result, ok, fail } from "@/lib/core/result";
import type { RequestMeta } from "@/lib/core/request-meta";
import { hashSecret } from "@/lib/security/crypto";
import { verifyAgainstDummy, verifyPassword } from "@/lib/security/passwords";
import {
  block,
  changeCountersWith,
  countAll,
  LIMITS,
  peek,
  refund,
  usedPoints,
} from "@/lib/security/rate-limit";
import { verifyCaptcha } from "@/lib/security/captcha";
import { notify } from "@/lib/messaging/inbox";
import { sendMessage } from "@/lib/messaging/send";
import { renderMessage } from "@/lib/messaging/texts";
import { signInRows } from "@/lib/auth/sessions";
import { findAccountByUsername, findAccountForSignIn, usernameKey } from "./find-account";
import { normalizePassword } from "./password-policy";

/** Failures (per account or per IP) after which the picture captcha is required. */
export const CAPTCHA_AFTER_FAILURES = 3;
const LOCK_SECONDS = 15 * 60;

export type SignInInput = { username: string; password: string; captchaId?: string; captchaAnswer?: string };
export type SignInValue = { sessionId: string; identityStatus: string };

function keysFor(accountId: string | undefined, username: string, ip: string | null) {
  return { account: accountId ?? `u:${hashSecret(usernameKey(username))}`, ip: `ip:${ip ?? "unknown"}` };
}

/** Whether this username / IP must solve the picture captcha on the next attempt. */
export async function captchaRequired(username: string, ip: string | null): Promise<boolean> {
  const account = username ? await findAccountByUsername(username) : null;
  const keys = keysFor(account?.id, username, ip);
  const [a, i] = await Promise.all([
    usedPoints("loginFailuresPerAccount", keys.account),
    usedPoints("loginFailuresPerIp", keys.ip),
  ]);
  return a >= CAPTCHA_AFTER_FAILURES || i >= CAPTCHA_AFTER_FAILURES;
}

async function logAttempt(accountId: string | undefined, outcome: string, meta: RequestMeta) {
  await db.loginEvent.create({
    data: { accountId: accountId ?? null, outcome, ip: meta.ip, userAgent: meta.userAgent },
  });
}

/**
 * Student sign-in (SPEC §2.2): picture captcha after 3 failures, 15-minute lock after 10 failures in 15
 * minutes (the owner is told), every attempt in the login log. An unknown username costs a full password
 * verification, like a known one.
 *
 * The attempt is counted BEFORE the password is verified (one atomic increment per counter), and its
 * number decides: concurrent attempts cannot all read "2 failures so far" and skip the captcha, or all
 * read "9" and get past the lock. An attempt that turns out not to count (no captcha shown, wrong captcha)
 * is taken back; the right password clears the account's count and takes back the address's.
 */
export async function signInStudent(input: SignInInput, meta: RequestMeta): Promise<Result<SignInValue>> {
  const account = await findAccountForSignIn(input.username);
  const keys = keysFor(account?.id, input.username, meta.ip);

  // A locked account is refused before anything is counted or a captcha is asked for.
  const lock = await peek("loginFailuresPerAccount", keys.account);
  if (!lock.ok) {
    await logAttempt(account?.id, "locked", meta);
    return fail("signIn.locked", { until: lock.retryAt.toISOString() });
  }

  // both counters in one transaction (SQLite: one write to the disk)
  const [perAccount, perIp] = await countAll([
    { name: "loginFailuresPerAccount", key: keys.account },
    { name: "loginFailuresPerIp", key: keys.ip },
  ]);

  if (perAccount.used > CAPTCHA_AFTER_FAILURES || perIp.used > CAPTCHA_AFTER_FAILURES) {
    // The form showed no picture (the limit was reached elsewhere, e.g. from another device): ask for one
    // instead of calling an answer nobody could give "wrong". Neither this nor a wrong answer counts.
    const answered = !!input.captchaId && (await verifyCaptcha(input.captchaId, input.captchaAnswer));
    if (!answered) {
      await Promise.all([
        refund("loginFailuresPerAccount", keys.account),
        refund("loginFailuresPerIp", keys.ip),
      ]);
      if (!input.captchaId) return { ok: false, fieldErrors: { captcha: { key: "signIn.captchaRequired" } } };
      await logAttempt(account?.id, "captcha_failed", meta);
      return { ok: false, fieldErrors: { captcha: { key: "signIn.captchaWrong" } } };
    }
  }

  // Beyond the 10th attempt of the window: refused unverified, and it stays counted.
  if (!perAccount.result.ok) {
    await logAttempt(account?.id, "locked", meta);
    return fail("signIn.locked", { until: perAccount.result.retryAt.toISOString() });
  }

  // Hashes are of the NFC form (lib/accounts/password-policy.ts), so a passphrase typed on another
  // keyboard still matches.
  const password = normalizePassword(input.password);
  const passwordOk = account
    ? await verifyPassword(account.passwordHash, password)
    : await verifyAgainstDummy(password);

  if (!account || !passwordOk) {
    await logAttempt(account?.id, account ? "bad_password" : "unknown_user", meta);
    const left = LIMITS.loginFailuresPerAccount.points - perAccount.used;
    if (left <= 0) {
      const until = await block("loginFailuresPerAccount", keys.account, LOCK_SECONDS);
      if (account) await notifyLocked(account, until);
      return fail("signIn.locked", { until: until.toISOString() });
    }
    // Say how many tries are left before the lock (the same for unknown usernames: nothing is revealed).
    return left === 1 ? fail("signIn.invalidLast") : fail("signIn.invalidLeft", { left });
  }

  // The counters, the login log entry and the session commit together (on SQLite one write to the disk).
  const rows = signInRows({ accountId: account.id }, meta);
  await changeCountersWith(
    {
      reset: [{ name: "loginFailuresPerAccount", key: keys.account }],
      refund: [{ name: "loginFailuresPerIp", key: keys.ip }],
    },
    [rows.loginEvent, rows.session],
  );
  return ok({ sessionId: rows.sessionId, identityStatus: account.identityStatus });
}

async function notifyLocked(account: { id: string; phone: string }, until: Date) {
  const time = until.toLocaleTimeString("zh-CN", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Asia/Shanghai",
  });
  await notify({ accountId: account.id }, "account.locked", { until: until.toISOString() });
  await sendMessage({
    channel: "sms",
    to: account.phone,
    body: await renderMessage("accountLocked", { until: time }),
  });
}
