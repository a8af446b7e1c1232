import "server-only";
import { db } from "@/lib/db";
import { type Result, ok, fail, fieldFail, refuse } from "@/lib/core/result";
import { Refused } from "@/lib/core/refused";
import type { RequestMeta } from "@/lib/core/request-meta";
import { decrypt, hashSecret } from "@/lib/security/crypto";
import { verifyCaptcha } from "@/lib/security/captcha";
import { hashPassword, verifyPassword } from "@/lib/security/passwords";
import { consume, peek, reset } from "@/lib/security/rate-limit";
import { endAllSessions } from "@/lib/auth/sessions";
import { hasPhone, maskPhone } from "@/lib/identity/phone";
import { maskEmail } from "@/lib/identity/email";
import { securityQuestionsEnabled } from "@/lib/settings";
import { sendMessage } from "@/lib/messaging/send";
import { renderMessage } from "@/lib/messaging/texts";
import { consumeCode, firstRefused, sendSmsCode, tooFrequent, verifyCode, type CodeSent } from "./codes";
import { isCommonPassword, passwordSiteWords } from "./common-passwords";
import { findAccountByUsername, usernameKey } from "./find-account";
import { normalizePassword, passwordFieldErrors } from "./password-policy";
import { normalizeAnswer } from "./security-questions";
import { consumeToken, findLiveToken, issueToken, revokeTokens } from "./tokens";
import { notifySecurityEvent } from "./notices";
import { countRecoveryAttempt, recoveryRefused, RECOVERY_REFUSED } from "./recovery-limits";
import type { Tx } from "@/lib/db/client";

/**
 * 找回密码 (SPEC §2.4). Step 1: 用户名 + 图片验证码 gives a short-lived recovery ticket (a random token,
 * stored hashed) naming the account, and the methods that account has — only those, up to three: an SMS
 * code to the bound phone, a 30-minute single-use link to the verified security e-mail, the security
 * questions (when the admin has not switched them off). Every reset ends all sessions and tells the owner.
 */
export type RecoveryMethods = { sms?: string; email?: string; questions?: string[] };
export type RecoveryStart = { ticket: string; methods: RecoveryMethods };

type AccountRow = NonNullable<Awaited<ReturnType<typeof db.account.findUnique>>>;

async function methodsOf(account: AccountRow): Promise<RecoveryMethods> {
  const methods: RecoveryMethods = {};
  if (hasPhone(account.phone)) methods.sms = maskPhone(account.phone);
  if (account.email && account.emailVerifiedAt) methods.email = maskEmail(account.email);
  if (await securityQuestionsEnabled()) {
    const questions = await db.securityQuestion.findMany({
      where: { accountId: account.id },
      orderBy: { position: "asc" },
      select: { questionKey: true },
    });
    if (questions.length > 0) methods.questions = questions.map((q) => q.questionKey);
  }
  return methods;
}

export function hasAnyMethod(methods: RecoveryMethods): boolean {
  return !!(methods.sms || methods.email || methods.questions);
}

export async function startPasswordRecovery(
  input: { username: string; captchaId?: string; captchaAnswer?: string },
  meta: RequestMeta,
): Promise<Result<RecoveryStart>> {
  if (!input.username.trim()) return fieldFail({ username: { key: "recover.password.usernameRequired" } });
  const identityKey = `u:${hashSecret(usernameKey(input.username))}`;
  if (await recoveryRefused(identityKey, meta)) return RECOVERY_REFUSED();
  if (!(await verifyCaptcha(input.captchaId, input.captchaAnswer)))
    return fieldFail({ captcha: { key: "signIn.captchaWrong" } });
  const attempt = await countRecoveryAttempt(identityKey, meta);
  if (attempt.refused) return RECOVERY_REFUSED();
  const account = await findAccountByUsername(input.username);
  if (!account) return refuse("notFound", "recover.password.unknownUser");
  await attempt.takeBack();
  const methods = await methodsOf(account);
  if (!hasAnyMethod(methods)) return refuse("notFound", "recover.password.noMethods");
  const ticket = await issueToken(db, account.id, "recovery_ticket");
  return ok({ ticket, methods });
}

async function accountForTicket(ticket: string | undefined) {
  const row = await findLiveToken("recovery_ticket", ticket);
  if (!row) return null;
  const account = await db.account.findUnique({ where: { id: row.accountId } });
  return account && account.identityStatus !== "cancelled" ? account : null;
}

/** The methods again, for a page that re-renders a step (null when the ticket ran out). */
export async function recoveryMethods(ticket: string | undefined): Promise<RecoveryMethods | null> {
  const account = await accountForTicket(ticket);
  return account ? methodsOf(account) : null;
}

/** The recovery ticket ran out (or never was): the person starts again. */
export const ticketExpired = () => refuse("notFound", "recover.password.ticketExpired");

export async function sendRecoverySms(ticket: string, meta: RequestMeta): Promise<Result<CodeSent>> {
  const account = await accountForTicket(ticket);
  if (!account) return ticketExpired();
  return sendSmsCode({ purpose: "reset_password", phone: account.phone }, meta);
}

export async function sendRecoveryEmail(ticket: string, baseUrl: string): Promise<Result<{ email: string }>> {
  const account = await accountForTicket(ticket);
  if (!account) return ticketExpired();
  if (!account.email || !account.emailVerifiedAt) return fail("recover.password.methodUnavailable");
  const email = account.email;
  const refused = await firstRefused([
    ["emailPerAddressMinute", email],
    ["emailPerAddressDay", email],
  ]);
  if (refused) return tooFrequent(refused);
  await consume("emailPerAddressMinute", email);
  await consume("emailPerAddressDay", email);
  const token = await db.$transaction(async (tx) => {
    await revokeTokens(tx, account.id, ["reset_password_email"]);
    return issueToken(tx, account.id, "reset_password_email");
  });
  const link = `${baseUrl}/recover/password/reset?token=${encodeURIComponent(token)}`;
  const sent = await sendMessage({
    channel: "email",
    to: email,
    subject: "学籍自查：重置密码 / Reset your password",
    body: await renderMessage("passwordReset", { link }),
  });
  if (!sent.ok) return fail("register.email.sendFailed");
  return ok({ email: maskEmail(email) });
}

type NewPassword = { password: string; confirmPassword: string };

async function newPasswordErrors(account: AccountRow, input: NewPassword) {
  return passwordFieldErrors(
    input.password,
    input.confirmPassword,
    {
      phone: account.phone,
      idNumber: decrypt(account.idNumberEnc),
      name: account.name,
      siteWords: await passwordSiteWords(),
    },
    isCommonPassword,
  );
}

/** Sets the new password, uses up the proof, ends every session and every outstanding recovery. */
async function applyReset(
  account: AccountRow,
  password: string,
  useProof: (tx: Tx) => Promise<boolean>,
): Promise<Result<null>> {
  const passwordHash = await hashPassword(normalizePassword(password));
  try {
    await db.$transaction(async (tx) => {
      if (!(await useProof(tx))) throw new Refused("conflict", "recover.password.linkInvalid");
      await tx.account.update({
        where: { id: account.id },
        data: { passwordHash, sessionVersion: { increment: 1 } },
      });
      await endAllSessions(tx, { accountId: account.id }, "password_reset");
      await revokeTokens(tx, account.id, ["reset_password_email", "recovery_ticket", "reset_grant"]);
      await tx.verificationCode.updateMany({
        where: { target: account.phone, purpose: "reset_password", consumedAt: null },
        data: { consumedAt: new Date() },
      });
    });
  } catch (e) {
    if (e instanceof Refused) return e.result;
    throw e;
  }
  // The owner proved control of a recovery channel: the sign-in lock no longer protects anything.
  await reset("loginFailuresPerAccount", account.id);
  await notifySecurityEvent(account, "passwordReset");
  return ok(null);
}

export async function resetWithSmsCode(
  input: NewPassword & { ticket: string; code: string },
): Promise<Result<null>> {
  const account = await accountForTicket(input.ticket);
  if (!account) return ticketExpired();
  const problems = await newPasswordErrors(account, input);
  if (problems) return fieldFail(problems);
  const code = await verifyCode({ purpose: "reset_password", target: account.phone, code: input.code });
  if (!code.ok) return code;
  return applyReset(account, input.password, (tx) => consumeCode(tx, code.value.codeId));
}

export async function describeResetLink(token: string | undefined): Promise<{ phone: string } | null> {
  const row = await findLiveToken("reset_password_email", token);
  if (!row) return null;
  const account = await db.account.findUnique({ where: { id: row.accountId } });
  return account && account.identityStatus !== "cancelled" ? { phone: maskPhone(account.phone) } : null;
}

export async function resetWithEmailToken(input: NewPassword & { token: string }): Promise<Result<null>> {
  const row = await findLiveToken("reset_password_email", input.token);
  const account = row ? await db.account.findUnique({ where: { id: row.accountId } }) : null;
  if (!row || !account || account.identityStatus === "cancelled") return fail("recover.password.linkInvalid");
  const problems = await newPasswordErrors(account, input);
  if (problems) return fieldFail(problems);
  return applyReset(account, input.password, (tx) => consumeToken(tx, row.id));
}

/**
 * Security questions are the weakest method: wrong answers count per account (5 an hour), like password
 * guesses, and every question the account set must be answered.
 */
export async function resetWithAnswers(
  input: NewPassword & { ticket: string; answers: string[] },
): Promise<Result<null>> {
  if (!(await securityQuestionsEnabled())) return fail("recover.password.methodUnavailable");
  const account = await accountForTicket(input.ticket);
  if (!account) return ticketExpired();
  const limit = await peek("securityAnswerFailuresPerAccount", account.id);
  if (!limit.ok) return fail("recover.questions.locked", { until: limit.retryAt.toISOString() });
  const questions = await db.securityQuestion.findMany({
    where: { accountId: account.id },
    orderBy: { position: "asc" },
  });
  if (questions.length === 0) return fail("recover.password.methodUnavailable");
  const problems = await newPasswordErrors(account, input);
  if (problems) return fieldFail(problems);
  let allRight = true;
  for (const [i, q] of questions.entries()) {
    // Every hash is checked (no early exit), so timing does not tell which answer was wrong.
    const right = await verifyPassword(q.answerHash, normalizeAnswer(input.answers[i] ?? ""));
    allRight = allRight && right;
  }
  if (!allRight) {
    const counted = await consume("securityAnswerFailuresPerAccount", account.id);
    if (!counted.ok || counted.remaining === 0) {
      const again = await peek("securityAnswerFailuresPerAccount", account.id);
      return fail("recover.questions.locked", {
        until: (again.ok ? new Date(Date.now() + 3_600_000) : again.retryAt).toISOString(),
      });
    }
    return fail("recover.questions.wrong", { left: counted.remaining });
  }
  const ticketRow = await findLiveToken("recovery_ticket", input.ticket);
  return applyReset(account, input.password, async (tx) =>
    ticketRow ? consumeToken(tx, ticketRow.id) : false,
  );
}
