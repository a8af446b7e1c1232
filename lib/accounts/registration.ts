import "server-only";
import { db } from "@/lib/db";
import { type Result, ok, fieldFail } from "@/lib/core/result";
import { Refused } from "@/lib/core/refused";
import type { RequestMeta } from "@/lib/core/request-meta";
import type { StudentActor } from "@/lib/auth/actor";
import { startSession } from "@/lib/auth/sessions";
import { audit } from "@/lib/security/audit";
import { blindIndexes } from "@/lib/security/crypto";
import { hashPassword } from "@/lib/security/passwords";
import { notify } from "@/lib/messaging/inbox";
import { linkRecordForAccount } from "@/lib/records/matching";
import { consumeCode, verifyCode } from "./codes";
import { isCommonPassword, passwordSiteWords } from "./common-passwords";
import { sendEmailVerification } from "./email";
import { normalizePassword } from "./password-policy";
import { checkRegistrationFields, type RegistrationInput } from "./registration-rules";
import { isUniqueViolation } from "@/lib/db/errors";
import { sealIdNumber } from "@/lib/security/id-number-seal";

export type { RegistrationInput } from "./registration-rules";

export type Registered = {
  accountId: string;
  sessionId: string;
  identityStatus: "verified" | "pending";
  emailVerificationSent: boolean;
};

/** Field errors for a phone / ID number someone else holds (shown with their ways out). */
const PHONE_TAKEN = () => fieldFail({ phone: { key: "register.phone.taken" } }, undefined, "conflict");
const ID_TAKEN = () => fieldFail({ idNumber: { key: "register.idNumber.taken" } }, undefined, "conflict");

/**
 * 实名注册 (SPEC §2.1). Order matters for privacy: every format rule first (nothing is looked up), then the
 * SMS code, and only for a verified code is it revealed that the phone or the ID number is already
 * registered, so a stranger cannot probe who is registered. The unique constraints on Account.phone and
 * Account.verifiedIdIndex decide races: of two concurrent registrations exactly one wins, the other gets
 * the same clear message as if it had come second.
 *
 * With reRegister ("我要重新注册") an ID number held by another account gives a *pending* account
 * (verifiedIdIndex null) that must pass an identity case (§3) before it sees anything but /identity.
 */
export async function registerStudent(
  input: RegistrationInput,
  meta: RequestMeta,
  options: { baseUrl?: string } = {},
): Promise<Result<Registered>> {
  const checked = checkRegistrationFields(input, isCommonPassword, new Date(), await passwordSiteWords());
  if (!checked.ok) return fieldFail(checked.fieldErrors);
  const fields = checked.value;

  const code = await verifyCode({ purpose: "register", target: fields.phone, code: fields.code });
  if (!code.ok) {
    // The right code, already used: whoever holds it controls the phone, so say it is registered.
    if (code.kind === "conflict" && (await phoneTaken(fields.phone))) return PHONE_TAKEN();
    return code;
  }

  if (await phoneTaken(fields.phone)) return PHONE_TAKEN();

  const sealedId = sealIdNumber(fields.idNumber);
  const idIndex = sealedId.idNumberIndex;
  const holder = await db.account.findFirst({
    where: { idNumberIndex: { in: blindIndexes(fields.idNumber) }, identityStatus: { not: "cancelled" } },
    select: { id: true },
  });
  if (holder && !input.reRegister) return ID_TAKEN();
  const identityStatus = holder ? "pending" : "verified";

  // Hashing is slow on purpose: done before the transaction so the write lock is held briefly.
  const passwordHash = await hashPassword(normalizePassword(fields.password));
  const answerHashes = await Promise.all(fields.questions.map((q) => hashPassword(q.answer)));

  let accountId: string;
  try {
    accountId = await db.$transaction(async (tx) => {
      const now = new Date();
      const account = await tx.account.create({
        data: {
          phone: fields.phone,
          pendingEmail: fields.email,
          passwordHash,
          name: fields.name,
          idType: fields.idType,
          ...sealedId,
          identityStatus,
          verifiedIdIndex: identityStatus === "verified" ? idIndex : null,
          sensitiveConsentAt: now,
          createdAt: now,
        },
        select: { id: true },
      });
      if (fields.questions.length > 0) {
        await tx.securityQuestion.createMany({
          data: fields.questions.map((q, i) => ({
            accountId: account.id,
            position: q.position,
            questionKey: q.questionKey,
            answerHash: answerHashes[i],
          })),
        });
      }
      // After the insert: a concurrent registration with the same code loses on the phone constraint.
      if (!(await consumeCode(tx, code.value.codeId)))
        throw new Refused("conflict", "register.code.wrong", undefined, "code");
      const actor: StudentActor = { kind: "student", accountId: account.id, sessionId: "", identityStatus };
      await audit(tx, actor, {
        action: identityStatus === "pending" ? "account.reRegister" : "account.register",
        targetType: "Account",
        targetId: account.id,
        after: { idMasked: sealedId.idMasked, identityStatus },
        ip: meta.ip,
      });
      await notify(
        { accountId: account.id },
        identityStatus === "pending" ? "account.registeredPending" : "account.registered",
        {},
        identityStatus === "pending" ? "/identity" : "/record",
        tx,
      );
      return account.id;
    });
  } catch (e) {
    if (e instanceof Refused) return e.result;
    if (isUniqueViolation(e)) return whichTaken(fields.phone);
    throw e;
  }

  let emailVerificationSent = false;
  if (fields.email && options.baseUrl) {
    emailVerificationSent = (await sendEmailVerification(accountId, fields.email, options.baseUrl)).ok;
  }
  if (identityStatus === "verified") await linkRecordForAccount(accountId);
  const session = await startSession({ accountId }, meta);
  await db.loginEvent.create({
    data: { accountId, outcome: "success", ip: meta.ip, userAgent: meta.userAgent },
  });
  return ok({ accountId, sessionId: session.id, identityStatus, emailVerificationSent });
}

async function phoneTaken(phone: string): Promise<boolean> {
  return !!(await db.account.findUnique({ where: { phone }, select: { id: true } }));
}

/** A lost race: the phone if that is what the winner took, otherwise the ID number. */
async function whichTaken(phone: string) {
  return (await phoneTaken(phone)) ? PHONE_TAKEN() : ID_TAKEN();
}
