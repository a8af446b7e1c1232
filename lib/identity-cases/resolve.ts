import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { endAllSessions } from "@/lib/auth/sessions";
import { ok, fail, type Result } from "@/lib/core/result";
import { Refused } from "@/lib/core/refused";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db/client";
import { maskPhone } from "@/lib/identity/phone";
import { notify } from "@/lib/messaging/inbox";
import { sendMessage } from "@/lib/messaging/send";
import { renderMessage } from "@/lib/messaging/texts";
import { linkRecordForAccount } from "@/lib/records/matching";
import { audit } from "@/lib/security/audit";
import { encrypt } from "@/lib/security/crypto";
import { retentionDays } from "@/lib/settings";
import { isUniqueViolation, isWriteConflict } from "@/lib/db/errors";
import { lockIdNumberHolders } from "./locks";
import { texts } from "./sms-texts";
import { classGroupsOfAccount, refreshProgress } from "@/lib/progress/summary";

/** How a duplicate ID number was resolved (SPEC §3.1–3.3); each way ends here. */
export type ResolutionVia = "photo_review" | "classmate_assist" | "roster_evidence";

/**
 * A cancelled account keeps its row (history, audit) but must not block its phone number for anyone else:
 * Account.phone is NOT NULL and unique, so it is rewritten to a tombstone that can never be a mainland
 * mobile number. The original is kept encrypted in the audit entry (docs/identity-cases.md).
 */
export function phoneTombstone(accountId: string): string {
  return `x:${accountId}`;
}

function maskEmail(email: string): string {
  const [user, domain] = email.split("@");
  return `${user.slice(0, 1)}***@${domain ?? ""}`;
}

type Cancelled = { id: string; phone: string; email: string | null; emailVerified: boolean };

export type ResolveInput = {
  /** the pending account that proved it holds the ID number */
  accountId: string;
  via: ResolutionVia;
  /** support clerk, the classmate who vouched, or the student (roster evidence) */
  actor: Actor;
  /** the caller's own writes (mark the case approved, the assist accepted), committed together */
  apply?: (tx: Tx, now: Date) => Promise<void>;
  /** also tell the resolved student by SMS (the answer arrives while they are away) */
  smsToResolved?: boolean;
  ip?: string | null;
  now?: Date;
  /**
   * the message when the account was resolved another way meanwhile (default identity.errors.alreadyResolved;
   * support's desk says the case is closed instead): the caller chooses the words, nobody parses them
   */
  alreadyResolvedKey?: string;
};

export type ResolveValue = { cancelledAccountIds: string[] };

/**
 * Makes a pending account verified and cancels (注销) every other account holding its ID number — in ONE
 * transaction: statuses, the verified-index claim, ended sessions, closed cases and requests, inbox notes
 * and audit entries commit together or not at all. Two resolutions racing for one ID number cannot both
 * win: they are serialised on the holders' rows and the second finds its account no longer pending; the
 * unique Account.verifiedIdIndex is the last line (P2002). The loser gets "already resolved" with nothing
 * applied. After the commit: SMS/e-mail to the owners of cancelled accounts, and the record is linked.
 */
export async function resolveDuplicateId(input: ResolveInput): Promise<Result<ResolveValue>> {
  const now = input.now ?? new Date();
  const alreadyResolved = input.alreadyResolvedKey ?? "identity.errors.alreadyResolved";
  const start = await db.account.findUnique({
    where: { id: input.accountId },
    select: { idNumberIndex: true, identityStatus: true },
  });
  if (!start || start.identityStatus !== "pending") return fail(alreadyResolved);
  const photoDays = (await retentionDays()).idPhotoDays;
  const photosDeleteAfter = new Date(now.getTime() + photoDays * 86_400_000);

  let outcome: { cancelled: Cancelled[]; phone: string; idMasked: string };
  try {
    outcome = await db.$transaction(async (tx) => {
      await lockIdNumberHolders(tx, start.idNumberIndex);
      const me = await tx.account.findUnique({ where: { id: input.accountId } });
      if (!me || me.identityStatus !== "pending")
        throw new Refused("conflict", "identity.errors.alreadyResolved");
      const others = await tx.account.findMany({
        where: { idNumberIndex: me.idNumberIndex, id: { not: me.id }, identityStatus: { not: "cancelled" } },
      });
      const cancelled: Cancelled[] = [];
      for (const other of others) {
        await cancelAccount(tx, input.actor, other, me.idMasked, photosDeleteAfter, now, input.ip);
        cancelled.push({
          id: other.id,
          phone: other.phone,
          email: other.email,
          emailVerified: !!other.emailVerifiedAt,
        });
      }
      // The claim: at most one account per ID number may hold verifiedIdIndex (unique).
      const claimed = await tx.account.updateMany({
        where: { id: me.id, identityStatus: "pending" },
        data: { identityStatus: "verified", verifiedIdIndex: me.idNumberIndex },
      });
      if (claimed.count !== 1) throw new Refused("conflict", "identity.errors.alreadyResolved");
      if (input.apply) await input.apply(tx, now);
      // Whatever else this account had open is no longer needed.
      await tx.identityCase.updateMany({
        where: { accountId: me.id, status: "pending", kind: { not: "account_change" } },
        data: { status: "cancelled", decidedAt: now, photosDeleteAfter },
      });
      await tx.classmateAssist.updateMany({
        where: { requesterAccountId: me.id, status: "pending" },
        data: { status: "expired" },
      });
      await audit(tx, input.actor, {
        action: "identity.resolve",
        targetType: "account",
        targetId: me.id,
        before: { identityStatus: "pending", idMasked: me.idMasked },
        after: {
          identityStatus: "verified",
          via: input.via,
          cancelledAccountIds: cancelled.map((c) => c.id),
        },
        ip: input.ip,
      });
      await notify({ accountId: me.id }, "identity.resolved", { via: input.via }, "/record", tx);
      return { cancelled, phone: me.phone, idMasked: me.idMasked };
    });
  } catch (error) {
    // returned as plain failures: no caller of this service tells kinds apart
    if (error instanceof Refused || isUniqueViolation(error)) return fail(alreadyResolved);
    if (isWriteConflict(error)) return fail("identity.errors.tryAgain");
    throw error;
  }

  await tellCancelledOwners(outcome.cancelled, outcome.idMasked);
  if (input.smsToResolved)
    await sendMessage({ channel: "sms", to: outcome.phone, body: await renderMessage("caseResolved") });
  // The record follows the verified holder (links records left on cancelled accounts too).
  await linkRecordForAccount(input.accountId);
  return ok({ cancelledAccountIds: outcome.cancelled.map((c) => c.id) });
}

/** One displaced account: cancelled, signed out everywhere, its contact details freed, its work closed. */
async function cancelAccount(
  tx: Tx,
  actor: Actor,
  other: {
    id: string;
    phone: string;
    email: string | null;
    identityStatus: string;
    verifiedIdIndex: string | null;
  },
  idMasked: string,
  photosDeleteAfter: Date,
  now: Date,
  ip: string | null | undefined,
): Promise<void> {
  await tx.account.update({
    where: { id: other.id },
    data: {
      identityStatus: "cancelled",
      verifiedIdIndex: null,
      cancelledAt: now,
      cancelReason: "duplicate_id_resolved",
      phone: phoneTombstone(other.id),
      email: null,
      emailVerifiedAt: null,
      pendingEmail: null,
      sessionVersion: { increment: 1 },
    },
  });
  await endAllSessions(tx, { accountId: other.id }, "cancelled");
  // Its bound external sign-ins are released so the real holder can bind them.
  const external = await tx.externalIdentity.deleteMany({ where: { accountId: other.id } });
  const classes = await classGroupsOfAccount(tx, other.id);
  const records = await tx.enrollmentRecord.updateMany({
    where: { accountId: other.id },
    data: { accountId: null },
  });
  await refreshProgress(classes, { tx });
  await tx.identityCase.updateMany({
    where: { accountId: other.id, status: "pending" },
    data: { status: "cancelled", decidedAt: now, photosDeleteAfter },
  });
  await tx.classmateAssist.updateMany({
    where: { OR: [{ requesterAccountId: other.id }, { classmateAccountId: other.id }], status: "pending" },
    data: { status: "expired" },
  });
  await notify({ accountId: other.id }, "identity.accountCancelled", { idMasked }, undefined, tx);
  await audit(tx, actor, {
    action: "account.cancel",
    targetType: "account",
    targetId: other.id,
    before: {
      identityStatus: other.identityStatus,
      phone: maskPhone(other.phone),
      phoneEnc: encrypt(other.phone),
      email: other.email ? maskEmail(other.email) : null,
      emailEnc: other.email ? encrypt(other.email) : null,
    },
    after: {
      identityStatus: "cancelled",
      reason: "duplicate_id_resolved",
      sessionsEnded: true,
      recordsUnlinked: records.count,
      externalIdentitiesRemoved: external.count,
    },
    ip,
  });
}

/** The owners of cancelled accounts hear it on their bound phone and verified e-mail (after the commit). */
async function tellCancelledOwners(cancelled: Cancelled[], idMasked: string): Promise<void> {
  for (const owner of cancelled) {
    await sendMessage({ channel: "sms", to: owner.phone, body: texts.accountCancelled(idMasked) });
    if (owner.email && owner.emailVerified) {
      await sendMessage({
        channel: "email",
        to: owner.email,
        subject: texts.accountCancelledSubject,
        body: texts.accountCancelled(idMasked),
      });
    }
  }
}
