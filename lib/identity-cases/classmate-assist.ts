import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { fail, fieldFail, ok, type Result } from "@/lib/core/result";
import { Refused } from "@/lib/core/refused";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db/client";
import { nameKey } from "@/lib/identity/name";
import { maskPhone, parsePhone } from "@/lib/identity/phone";
import { notify } from "@/lib/messaging/inbox";
import { audit } from "@/lib/security/audit";
import { consume } from "@/lib/security/rate-limit";
import { lockAccount } from "./locks";
import { resolveDuplicateId } from "./resolve";
import { ASSIST_LIFETIME_DAYS, ASSISTS_PER_DAY } from "./rules";
import { actingStudentAccount } from "./student-account";
import { startOfSchoolDay } from "./working-days";

export type AssistRequestInput = { classmateName: string; classmatePhone: string; ownPhone: string };

/** One message for every "no such classmate" case, so the form reveals nothing about who exists. */
const NOT_ELIGIBLE = "identity.assist.errors.notEligible";

/** Class groups of the records matching the account's name and ID number (usually exactly one). */
async function classGroupsOf(account: { name: string; idNumberIndex: string }): Promise<string[]> {
  const records = await db.enrollmentRecord.findMany({
    where: { idNumberIndex: account.idNumberIndex },
    select: { name: true, classGroupId: true },
  });
  const key = nameKey(account.name);
  return [...new Set(records.filter((r) => nameKey(r.name) === key).map((r) => r.classGroupId))];
}

/**
 * A verified classmate for the request: a verified account with that phone (bound phones are verified by
 * SMS at registration) and that name, not holding the requester's ID number, whose own record is in one of
 * the requester's class groups. Null in every other case.
 */
async function findClassmate(
  requester: { id: string; idNumberIndex: string },
  classGroupIds: string[],
  name: string,
  phone: string,
) {
  const candidate = await db.account.findFirst({ where: { phone, identityStatus: "verified" } });
  if (!candidate || candidate.id === requester.id) return null;
  if (candidate.idNumberIndex === requester.idNumberIndex) return null;
  if (nameKey(candidate.name) !== nameKey(name)) return null;
  const sameClass = await db.enrollmentRecord.count({
    where: { accountId: candidate.id, classGroupId: { in: classGroupIds } },
  });
  return sameClass > 0 ? candidate : null;
}

/**
 * 同学协助 (SPEC §3.2): a pending student asks a verified classmate to confirm who they are. At most 5
 * requests a day (counted inside the transaction with the account locked); a wrong classmate answers with
 * one message whatever the reason, and those misses are rate-limited too, so the form cannot be used to
 * probe who is registered. The classmate gets an inbox notice linking to the request.
 */
export async function requestClassmateAssist(
  actorIn: Actor | null,
  input: AssistRequestInput,
  meta: { ip?: string | null; now?: Date } = {},
): Promise<Result<{ assistId: string }>> {
  const now = meta.now ?? new Date();
  const { actor, account } = await actingStudentAccount(actorIn, "identityCase.submit");
  if (account.identityStatus !== "pending") return fail("identity.errors.notPending");

  const name = input.classmateName.trim();
  const classmatePhone = parsePhone(input.classmatePhone);
  const ownPhone = parsePhone(input.ownPhone);
  const errors: Record<string, { key: string }> = {};
  if (!name) errors.classmateName = { key: "identity.assist.errors.nameRequired" };
  if (!classmatePhone.ok) errors.classmatePhone = { key: "identity.assist.errors.phoneFormat" };
  if (!ownPhone.ok) errors.ownPhone = { key: "identity.assist.errors.phoneFormat" };
  else if (ownPhone.value !== account.phone)
    errors.ownPhone = { key: "identity.assist.errors.ownPhoneMismatch" };
  if (Object.keys(errors).length || !classmatePhone.ok) return fieldFail(errors);
  if (classmatePhone.value === account.phone)
    return fieldFail({ classmatePhone: { key: "identity.assist.errors.self" } });

  const sentToday = () =>
    db.classmateAssist.count({
      where: { requesterAccountId: account.id, createdAt: { gte: startOfSchoolDay(now) } },
    });
  if ((await sentToday()) >= ASSISTS_PER_DAY)
    return fieldFail({ classmateName: { key: "identity.assist.errors.dailyLimit" } });

  const classGroupIds = await classGroupsOf(account);
  if (classGroupIds.length === 0) return fail("identity.assist.errors.noRecord");
  const classmate = await findClassmate(account, classGroupIds, name, classmatePhone.value);
  if (!classmate) {
    const allowed = await consume("assistLookupFailuresPerDay", `acct:${account.id}`);
    return fieldFail({
      classmatePhone: { key: allowed.ok ? NOT_ELIGIBLE : "identity.assist.errors.tooManyMisses" },
    });
  }

  try {
    const assist = await db.$transaction(async (tx) => {
      await lockAccount(tx, account.id);
      const count = await tx.classmateAssist.count({
        where: { requesterAccountId: account.id, createdAt: { gte: startOfSchoolDay(now) } },
      });
      if (count >= ASSISTS_PER_DAY)
        throw new Refused("rateLimited", "identity.assist.errors.dailyLimit", undefined, "classmateName");
      const open = await tx.classmateAssist.findFirst({
        where: {
          requesterAccountId: account.id,
          classmateAccountId: classmate.id,
          status: "pending",
          expiresAt: { gt: now },
        },
      });
      if (open)
        throw new Refused("conflict", "identity.assist.errors.alreadySent", undefined, "classmatePhone");
      const row = await tx.classmateAssist.create({
        data: {
          requesterAccountId: account.id,
          classmateAccountId: classmate.id,
          requesterPhone: account.phone,
          expiresAt: new Date(now.getTime() + ASSIST_LIFETIME_DAYS * 86_400_000),
          createdAt: now,
        },
      });
      await notify(
        { accountId: classmate.id },
        "identity.assistRequested",
        { name: account.name },
        `/identity/assist/${row.id}`,
        tx,
      );
      await audit(tx, actor, {
        action: "classmateAssist.request",
        targetType: "classmateAssist",
        targetId: row.id,
        after: { classmateAccountId: classmate.id, expiresAt: row.expiresAt.toISOString() },
        ip: meta.ip,
      });
      return row;
    });
    return ok({ assistId: assist.id });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

export type AssistStatusView = "pending" | "accepted" | "declined" | "expired";

/** Expiry is a matter of time, not of a job having run: a pending request past its time is expired. */
export function effectiveAssistStatus(row: { status: string; expiresAt: Date }, now: Date): AssistStatusView {
  if (row.status === "pending" && row.expiresAt.getTime() <= now.getTime()) return "expired";
  return row.status as AssistStatusView;
}

/** What the classmate sees when opening a request: who asks, from which class, until when. */
export async function assistForClassmate(actorIn: Actor | null, assistId: string, now: Date = new Date()) {
  const { account } = await actingStudentAccount(actorIn, "classmateAssist.answer");
  const row = await db.classmateAssist.findFirst({
    where: { id: assistId, classmateAccountId: account.id },
    include: { requester: { select: { name: true, idMasked: true, identityStatus: true } } },
  });
  if (!row) return null;
  if (!row.readAt) await db.classmateAssist.update({ where: { id: row.id }, data: { readAt: now } });
  const classGroups = await db.enrollmentRecord.findMany({
    where: { accountId: account.id },
    select: { classGroup: { select: { name: true } } },
  });
  return {
    id: row.id,
    requesterName: row.requester.name,
    requesterIdMasked: row.requester.idMasked,
    // blanked by the retention job once the request is no longer open
    requesterPhone: row.requesterPhone ? maskPhone(row.requesterPhone) : "—",
    className: classGroups[0]?.classGroup.name ?? "",
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    answeredAt: row.answeredAt,
    status: effectiveAssistStatus(row, now),
    /** the requester resolved another way or was cancelled: nothing left to confirm */
    stillNeeded: row.requester.identityStatus === "pending",
  };
}

/**
 * The classmate's answer. 是 resolves the requester's duplicate ID number exactly as a support approval
 * (resolveDuplicateId); 否 declines. Expired, answered or someone else's requests change nothing.
 */
export async function answerClassmateAssist(
  actorIn: Actor | null,
  input: { assistId: string; answer: "yes" | "no" },
  meta: { ip?: string | null; now?: Date } = {},
): Promise<Result<{ status: "accepted" | "declined" }>> {
  const now = meta.now ?? new Date();
  const { actor, account } = await actingStudentAccount(actorIn, "classmateAssist.answer");
  const row = await db.classmateAssist.findFirst({
    where: { id: input.assistId, classmateAccountId: account.id },
    include: { requester: { select: { id: true, identityStatus: true, name: true } } },
  });
  if (!row) return fail("identity.assist.errors.notFound");
  const status = effectiveAssistStatus(row, now);
  if (status === "expired") {
    await db.classmateAssist.updateMany({
      where: { id: row.id, status: "pending" },
      data: { status: "expired" },
    });
    return fail("identity.assist.errors.expired");
  }
  if (status !== "pending") return fail("identity.assist.errors.alreadyAnswered");
  if (row.requester.identityStatus !== "pending") return fail("identity.errors.alreadyResolved");

  const markAnswered = async (tx: Tx, to: "accepted" | "declined") => {
    const { count } = await tx.classmateAssist.updateMany({
      where: { id: row.id, status: "pending", expiresAt: { gt: now } },
      data: { status: to, answeredAt: now, readAt: row.readAt ?? now },
    });
    if (count !== 1) throw new Refused("conflict", "identity.assist.errors.alreadyAnswered");
  };

  if (input.answer === "no") {
    try {
      await db.$transaction(async (tx) => {
        await markAnswered(tx, "declined");
        await notify(
          { accountId: row.requester.id },
          "identity.assistDeclined",
          { name: account.name },
          "/identity/assist",
          tx,
        );
        await audit(tx, actor, {
          action: "classmateAssist.decline",
          targetType: "classmateAssist",
          targetId: row.id,
          after: { status: "declined" },
          ip: meta.ip,
        });
      });
    } catch (error) {
      if (error instanceof Refused) return error.result;
      throw error;
    }
    return ok({ status: "declined" });
  }

  try {
    const resolved = await resolveDuplicateId({
      accountId: row.requester.id,
      via: "classmate_assist",
      actor,
      ip: meta.ip,
      now,
      smsToResolved: true,
      apply: async (tx) => {
        await markAnswered(tx, "accepted");
        const requester = await tx.account.findUniqueOrThrow({ where: { id: row.requester.id } });
        const created = await tx.identityCase.create({
          data: {
            accountId: requester.id,
            kind: "classmate_assist",
            status: "approved",
            idNumberIndex: requester.idNumberIndex,
            idMasked: requester.idMasked,
            decidedAt: now,
            createdAt: now,
          },
        });
        await notify(
          { accountId: requester.id },
          "identity.assistAccepted",
          { name: account.name },
          "/record",
          tx,
        );
        await audit(tx, actor, {
          action: "classmateAssist.accept",
          targetType: "classmateAssist",
          targetId: row.id,
          after: { status: "accepted", identityCaseId: created.id },
          ip: meta.ip,
        });
      },
    });
    return resolved.ok ? ok({ status: "accepted" }) : resolved;
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}
