import "server-only";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db/client";
import { type Result, ok, fail, fieldFail } from "@/lib/core/result";
import type { RequestMeta } from "@/lib/core/request-meta";
import { hashSecret, randomDigits, safeEqual } from "@/lib/security/crypto";
import { consume, peek, type LimitName, type LimitResult } from "@/lib/security/rate-limit";
import { sendMessage } from "@/lib/messaging/send";
import { renderMessage } from "@/lib/messaging/texts";
import { normalizeCode } from "./codes-format";
import { codeLifetimeMinutes } from "@/lib/settings";

/**
 * 短信验证码 (SPEC §2.1): 6 random digits bound to one phone and one purpose, stored as a keyed hash,
 * single use, ended by 5 wrong tries, valid codeLifetimeMinutes() (10 by default, at most 24 h). Only the
 * latest code of a phone + purpose counts, so asking again does not multiply the guesses.
 */
export const CODE_PURPOSES = ["register", "reset_password", "change_phone", "release_phone"] as const;
export type CodePurpose = (typeof CODE_PURPOSES)[number];
export const CODE_MAX_ATTEMPTS = 5;
export const CODE_RESEND_SECONDS = 60;

export type CodeSent = { resendAt: string; expiresAt: string };

/** Refusal message for a used-up limit: seconds for the 60-second rule, a time for the daily one. */
export function tooFrequent(limit: Extract<LimitResult, { ok: false }>) {
  return limit.retryAfterSeconds <= 120
    ? fail("register.code.tooFrequentSeconds", { seconds: limit.retryAfterSeconds })
    : fail("register.code.tooFrequentUntil", { until: limit.retryAt.toISOString() });
}

/** First refused limit among several, without counting anything. */
export async function firstRefused(
  checks: [LimitName, string][],
): Promise<Extract<LimitResult, { ok: false }> | null> {
  for (const [name, key] of checks) {
    const state = await peek(name, key);
    if (!state.ok) return state;
  }
  return null;
}

async function smsText(purpose: CodePurpose, code: string, minutes: number): Promise<string> {
  const action = {
    register: "实名注册",
    reset_password: "找回密码",
    change_phone: "更换手机号",
    release_phone: "申请释放手机号",
  }[purpose];
  const lifetime = minutes % 60 === 0 ? `${minutes / 60} 小时` : `${minutes} 分钟`;
  return renderMessage("verificationCode", { action, code, lifetime });
}

/** Sends a new code by SMS, within the per-phone (1 a minute, 10 a day) and per-IP limits. */
export async function sendSmsCode(
  input: { purpose: CodePurpose; phone: string },
  meta: RequestMeta,
): Promise<Result<CodeSent>> {
  const checks: [LimitName, string][] = [
    ["smsPerPhoneMinute", input.phone],
    ["smsPerPhoneDay", input.phone],
    ["smsPerIpHour", `ip:${meta.ip ?? "unknown"}`],
  ];
  const refused = await firstRefused(checks);
  if (refused) return tooFrequent(refused);
  for (const [name, key] of checks) {
    const counted = await consume(name, key);
    if (!counted.ok) return tooFrequent(counted);
  }

  const code = randomDigits(6);
  const now = new Date();
  const minutes = await codeLifetimeMinutes();
  const expiresAt = new Date(now.getTime() + minutes * 60_000);
  await db.$transaction(async (tx) => {
    // Older codes for the same phone + purpose stop counting.
    await tx.verificationCode.updateMany({
      where: { target: input.phone, purpose: input.purpose, consumedAt: null },
      data: { consumedAt: now },
    });
    await tx.verificationCode.create({
      data: {
        purpose: input.purpose,
        target: input.phone,
        codeHash: hashSecret(code),
        expiresAt,
        createdAt: now,
      },
    });
  });
  const sent = await sendMessage({
    channel: "sms",
    to: input.phone,
    body: await smsText(input.purpose, code, minutes),
    code,
  });
  if (!sent.ok) return fail("register.code.sendFailed");
  return ok({
    resendAt: new Date(now.getTime() + CODE_RESEND_SECONDS * 1000).toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
}

/**
 * Checks a code without using it up (the caller consumes it in the transaction that acts on it). A wrong
 * code counts one of the five tries, outside any transaction, so a rollback cannot undo it.
 */
export async function verifyCode(input: {
  purpose: CodePurpose;
  target: string;
  code: string;
  field?: string;
}): Promise<Result<{ codeId: string }>> {
  const field = input.field ?? "code";
  const code = normalizeCode(input.code);
  if (!code) return fieldFail({ [field]: { key: "register.code.format" } });
  // The latest code of this phone + purpose; older ones were superseded when it was sent.
  const row = await db.verificationCode.findFirst({
    where: { target: input.target, purpose: input.purpose },
    orderBy: { createdAt: "desc" },
  });
  if (!row) return fieldFail({ [field]: { key: "register.code.wrong" } });
  if (row.consumedAt) {
    // Already used: never valid again. Saying so (rather than "wrong") only to someone who has the code
    // lets a registration that lost a race for this phone explain itself.
    const matches = safeEqual(row.codeHash, hashSecret(code));
    return matches
      ? fieldFail({ [field]: { key: "register.code.used" } }, undefined, "conflict")
      : fieldFail({ [field]: { key: "register.code.wrong" } });
  }
  if (row.expiresAt.getTime() <= Date.now()) return fieldFail({ [field]: { key: "register.code.expired" } });
  if (row.attempts >= CODE_MAX_ATTEMPTS) return fieldFail({ [field]: { key: "register.code.exhausted" } });
  if (!safeEqual(row.codeHash, hashSecret(code))) {
    await db.verificationCode.updateMany({
      where: { id: row.id, attempts: { lt: CODE_MAX_ATTEMPTS } },
      data: { attempts: { increment: 1 } },
    });
    const left = CODE_MAX_ATTEMPTS - row.attempts - 1;
    return left > 0
      ? fieldFail({ [field]: { key: "register.code.wrongLeft", params: { left } } })
      : fieldFail({ [field]: { key: "register.code.exhausted" } });
  }
  if (!row.verifiedAt)
    await db.verificationCode.update({ where: { id: row.id }, data: { verifiedAt: new Date() } });
  return ok({ codeId: row.id });
}

/** Uses a verified code up inside the caller's transaction; false when someone else used it first. */
export async function consumeCode(tx: Pick<Tx, "verificationCode">, codeId: string): Promise<boolean> {
  const used = await tx.verificationCode.updateMany({
    where: { id: codeId, consumedAt: null },
    data: { consumedAt: new Date() },
  });
  return used.count === 1;
}
