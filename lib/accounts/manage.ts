import "server-only";
import { db } from "@/lib/db";
import type { StudentActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { endAllSessions } from "@/lib/auth/sessions";
import { type Result, ok, fail, fieldFail, NotFoundError } from "@/lib/core/result";
import { Refused } from "@/lib/core/refused";
import type { RequestMeta } from "@/lib/core/request-meta";
import { decrypt } from "@/lib/security/crypto";
import { hashPassword } from "@/lib/security/passwords";
import { parsePhone, maskPhone } from "@/lib/identity/phone";
import { parseEmail } from "@/lib/identity/email";
import { securityQuestionsEnabled } from "@/lib/settings";
import { consumeCode, sendSmsCode, verifyCode, type CodeSent } from "./codes";
import { isCommonPassword, passwordSiteWords } from "./common-passwords";
import { sendEmailVerification } from "./email";
import { normalizePassword, passwordFieldErrors } from "./password-policy";
import { confirmCurrentPassword } from "./reauth";
import { checkSecurityQuestions, type QuestionInput } from "./security-questions";
import { notifySecurityEvent } from "./notices";
import { isUniqueViolation } from "@/lib/db/errors";

/** Account management (SPEC §2.5): every function acts on the signed-in student's own account only. */
async function ownAccount(actor: StudentActor) {
  assertCan(actor, "account.manageOwn");
  const account = await db.account.findUnique({ where: { id: actor.accountId } });
  if (!account || account.identityStatus === "cancelled") throw new NotFoundError();
  return account;
}

/** 修改密码: current password, new password twice; every other session ends, this one stays. */
export async function changePassword(
  actor: StudentActor,
  input: { currentPassword: string; password: string; confirmPassword: string },
): Promise<Result<null>> {
  const account = await ownAccount(actor);
  const problems = passwordFieldErrors(
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
  if (problems) return fieldFail(problems);
  const current = await confirmCurrentPassword(account, input.currentPassword);
  if (!current.ok) return current;
  const passwordHash = await hashPassword(normalizePassword(input.password));
  await db.$transaction(async (tx) => {
    await tx.account.update({
      where: { id: account.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await endAllSessions(tx, { accountId: account.id }, "password_changed", actor.sessionId);
  });
  await notifySecurityEvent(account, "passwordChanged");
  return ok(null);
}

/** 更换手机号, step 1: a code to the NEW phone (whether it is free is told only after the code). */
export async function requestPhoneChangeCode(
  actor: StudentActor,
  input: { newPhone: string },
  meta: RequestMeta,
): Promise<Result<CodeSent & { phone: string }>> {
  const account = await ownAccount(actor);
  const phone = parsePhone(input.newPhone);
  if (!phone.ok) return fieldFail({ newPhone: { key: "register.phone.invalid" } });
  if (phone.value === account.phone) return fieldFail({ newPhone: { key: "account.phone.same" } });
  const sent = await sendSmsCode({ purpose: "change_phone", phone: phone.value }, meta);
  return sent.ok ? ok({ ...sent.value, phone: phone.value }) : sent;
}

/** 更换手机号, step 2: the code from the new phone and the current password. */
export async function changePhone(
  actor: StudentActor,
  input: { newPhone: string; code: string; currentPassword: string },
): Promise<Result<{ phone: string }>> {
  const account = await ownAccount(actor);
  const phone = parsePhone(input.newPhone);
  if (!phone.ok) return fieldFail({ newPhone: { key: "register.phone.invalid" } });
  if (phone.value === account.phone) return fieldFail({ newPhone: { key: "account.phone.same" } });
  const current = await confirmCurrentPassword(account, input.currentPassword);
  if (!current.ok) return current;
  const code = await verifyCode({ purpose: "change_phone", target: phone.value, code: input.code });
  if (!code.ok) return code;
  const taken = await db.account.findUnique({ where: { phone: phone.value }, select: { id: true } });
  if (taken) return fieldFail({ newPhone: { key: "account.phone.taken" } });
  try {
    await db.$transaction(async (tx) => {
      await tx.account.update({ where: { id: account.id }, data: { phone: phone.value } });
      if (!(await consumeCode(tx, code.value.codeId)))
        throw new Refused("conflict", "register.code.wrong", undefined, "code");
    });
  } catch (e) {
    if (e instanceof Refused) return e.result;
    if (isUniqueViolation(e)) return fieldFail({ newPhone: { key: "account.phone.taken" } });
    throw e;
  }
  // The old phone hears about it too: it is how an owner learns of a takeover.
  await notifySecurityEvent(
    { ...account, phone: phone.value },
    "phoneChanged",
    { phone: maskPhone(phone.value) },
    { phone: account.phone },
  );
  return ok({ phone: maskPhone(phone.value) });
}

/** 安全邮箱: set or change it (current password required); it counts once the link in the mail is opened. */
export async function requestEmailChange(
  actor: StudentActor,
  input: { email: string; currentPassword: string },
  baseUrl: string,
): Promise<Result<{ email: string }>> {
  const account = await ownAccount(actor);
  const email = parseEmail(input.email);
  if (!email.ok) return fieldFail({ email: { key: "register.email.invalid" } });
  if (email.value === account.email && account.emailVerifiedAt)
    return fieldFail({ email: { key: "account.email.same" } });
  const current = await confirmCurrentPassword(account, input.currentPassword);
  if (!current.ok) return current;
  await db.account.update({ where: { id: account.id }, data: { pendingEmail: email.value } });
  const sent = await sendEmailVerification(account.id, email.value, baseUrl);
  return sent.ok ? ok({ email: email.value }) : sent;
}

/** Sends the verification link again to the e-mail waiting for verification. */
export async function resendEmailVerification(
  actor: StudentActor,
  baseUrl: string,
): Promise<Result<{ email: string }>> {
  const account = await ownAccount(actor);
  if (!account.pendingEmail) return fail("account.email.nothingPending");
  const sent = await sendEmailVerification(account.id, account.pendingEmail, baseUrl);
  return sent.ok ? ok({ email: account.pendingEmail }) : sent;
}

/** 密保问题: replaces all three (or clears them when every slot is left empty); current password required. */
export async function setSecurityQuestions(
  actor: StudentActor,
  input: { questions: QuestionInput[]; currentPassword: string },
): Promise<Result<{ count: number }>> {
  const account = await ownAccount(actor);
  if (!(await securityQuestionsEnabled())) return fail("account.questions.disabled");
  const checked = checkSecurityQuestions(input.questions);
  if (!checked.ok)
    return fieldFail(
      Object.fromEntries(checked.problems.map((p) => [`${p.field}${p.slot}`, { key: p.key }])),
    );
  const current = await confirmCurrentPassword(account, input.currentPassword);
  if (!current.ok) return current;
  const hashes = await Promise.all(checked.value.map((q) => hashPassword(q.answer)));
  await db.$transaction(async (tx) => {
    await tx.securityQuestion.deleteMany({ where: { accountId: account.id } });
    if (checked.value.length > 0)
      await tx.securityQuestion.createMany({
        data: checked.value.map((q, i) => ({
          accountId: account.id,
          position: q.position,
          questionKey: q.questionKey,
          answerHash: hashes[i],
        })),
      });
  });
  return ok({ count: checked.value.length });
}

/** 消息推送: whether notices (reminders, correction steps) also go by SMS / e-mail. */
export async function updateNotificationSettings(
  actor: StudentActor,
  input: { notifyBySms: boolean; notifyByEmail: boolean },
): Promise<Result<null>> {
  const account = await ownAccount(actor);
  await db.account.update({
    where: { id: account.id },
    data: { notifyBySms: input.notifyBySms, notifyByEmail: input.notifyByEmail },
  });
  return ok(null);
}
