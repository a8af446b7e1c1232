import "server-only";
import { db } from "@/lib/db";
import type { StudentActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/core/result";
import { maskPhone } from "@/lib/identity/phone";
import { maskEmail } from "@/lib/identity/email";
import { completenessPercent, type CompletenessItem } from "./completeness";
import { securityQuestionsEnabled } from "@/lib/settings";

/** Everything /account shows, for the signed-in student only (masked where it names a person). */
export async function accountOverview(actor: StudentActor) {
  assertCan(actor, "account.manageOwn");
  const account = await db.account.findUnique({
    where: { id: actor.accountId },
    include: {
      securityQuestions: { orderBy: { position: "asc" }, select: { position: true, questionKey: true } },
    },
  });
  if (!account) throw new NotFoundError();
  const questionsEnabled = await securityQuestionsEnabled();
  const items: CompletenessItem[] = [
    { key: "phone", done: true },
    { key: "password", done: true },
    { key: "realName", done: account.identityStatus === "verified" },
    { key: "email", done: !!(account.email && account.emailVerifiedAt) },
    ...(questionsEnabled ? [{ key: "questions" as const, done: account.securityQuestions.length > 0 }] : []),
  ];
  return {
    name: account.name,
    idType: account.idType,
    idMasked: account.idMasked,
    identityStatus: account.identityStatus,
    phone: maskPhone(account.phone),
    email: account.email && account.emailVerifiedAt ? maskEmail(account.email) : null,
    /** shown in full: the owner typed it and needs to see a typo */
    pendingEmail: account.pendingEmail,
    questions: account.securityQuestions,
    questionsEnabled,
    notifyBySms: account.notifyBySms,
    notifyByEmail: account.notifyByEmail,
    createdAt: account.createdAt,
    completeness: { items, percent: completenessPercent(items) },
  };
}

/** 登录日志: the account's latest sign-in attempts (time, IP, device, result). */
export async function loginLog(actor: StudentActor, take = 30) {
  assertCan(actor, "account.manageOwn");
  return db.loginEvent.findMany({
    where: { accountId: actor.accountId },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      createdAt: true,
      ip: true,
      userAgent: true,
      outcome: true,
      method: true,
      signInProvider: { select: { nameZh: true, nameEn: true } },
    },
  });
}
