import "server-only";
import type { Actor, StaffActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { AuthorizationError, fail, fieldFail, ok, type Result } from "@/lib/core/result";
import { Refused } from "@/lib/core/refused";
import { db } from "@/lib/db";
import { notify } from "@/lib/messaging/inbox";
import { sendMessage } from "@/lib/messaging/send";
import { renderMessage } from "@/lib/messaging/texts";
import { linkRecordForAccount } from "@/lib/records/matching";
import { audit } from "@/lib/security/audit";
import { blindIndexes, decrypt } from "@/lib/security/crypto";
import { retentionDays } from "@/lib/settings";
import { isUniqueViolation } from "@/lib/db/errors";
import { resolveDuplicateId } from "./resolve";
import { approvePhoneRelease } from "./phone-release";
import { encodeRejectReason, REJECT_REASONS, REVIEWED_KINDS, type RejectReason } from "./rules";
import { rejectReasonText, texts } from "./sms-texts";
import { classGroupsOfAccount, refreshProgress } from "@/lib/progress/summary";
import { sealIdNumber } from "@/lib/security/id-number-seal";

export type DecisionInput = {
  caseId: string;
  decision: "approve" | "reject";
  reasonCode?: string;
  note?: string;
  /**
   * Approving a photo review cancels every other account holding the ID number: the clerk confirms the
   * accounts shown (their ids, comma-separated, as accountsCancelledOnApproval lists them).
   */
  confirmCancel?: string;
};

/**
 * The accounts approving this case would cancel (注销), in id order: for a photo review, every other
 * account holding the ID number that is not cancelled already (resolveDuplicateId cancels exactly these).
 */
export async function accountsCancelledOnApproval(row: {
  kind: string;
  accountId: string;
  idNumberIndex: string;
}): Promise<string[]> {
  if (row.kind !== "photo_review") return [];
  const others = await db.account.findMany({
    where: {
      idNumberIndex: row.idNumberIndex,
      id: { not: row.accountId },
      identityStatus: { not: "cancelled" },
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return others.map((o) => o.id);
}

const NOTE_MAX = 200;

/**
 * Support's decision on a photo review or an account change (SPEC §3.1, §3.4, §7). Approving a photo
 * review resolves the duplicate ID number (resolveDuplicateId: this account verified, every other holder
 * cancelled); approving an account change applies it. A refusal needs a reason from the list, or a note
 * for "other". A case decided meanwhile (by a colleague, or resolved another way) changes nothing.
 */
export async function decideIdentityCase(
  actorIn: Actor | null,
  input: DecisionInput,
  meta: { ip?: string | null; now?: Date } = {},
): Promise<Result<{ status: "approved" | "rejected" }>> {
  assertCan(actorIn, "identityCase.review");
  if (actorIn.kind !== "staff") throw new AuthorizationError();
  const actor = actorIn;
  const now = meta.now ?? new Date();
  const row = await db.identityCase.findUnique({ where: { id: input.caseId } });
  if (!row || !(REVIEWED_KINDS as readonly string[]).includes(row.kind))
    return fail("support.errors.notFound");
  if (row.status !== "pending") return fail("support.errors.alreadyDecided");
  const photosDeleteAfter = new Date(now.getTime() + (await retentionDays()).idPhotoDays * 86_400_000);

  if (input.decision === "reject") {
    const code = input.reasonCode as RejectReason;
    const note = (input.note ?? "").trim();
    if (!(REJECT_REASONS as readonly string[]).includes(code))
      return fieldFail({ reasonCode: { key: "support.errors.reasonRequired" } });
    if (code === "other" && !note) return fieldFail({ note: { key: "support.errors.noteRequired" } });
    if (note.length > NOTE_MAX)
      return fieldFail({ note: { key: "support.errors.noteTooLong", params: { max: NOTE_MAX } } });
    return rejectCase(actor, row, code, note, photosDeleteAfter, now, meta.ip);
  }
  if (row.kind === "account_change") {
    assertCan(actor, "accountChange.apply");
    return applyAccountChange(actor, row.id, photosDeleteAfter, now, meta.ip);
  }
  if (row.kind === "phone_release")
    return approvePhoneRelease(actor, row.id, photosDeleteAfter, now, meta.ip);

  // No account is cancelled without the clerk having seen and ticked exactly these (a holder who
  // registered since the page was shown makes the clerk look again).
  const toCancel = await accountsCancelledOnApproval(row);
  if (toCancel.length > 0 && (input.confirmCancel ?? "") !== toCancel.join(","))
    return fieldFail({
      confirmCancel: { key: "support.errors.confirmCancel", params: { count: toCancel.length } },
    });

  const approved = await resolveDuplicateId({
    accountId: row.accountId,
    via: row.kind === "roster_evidence" ? "roster_evidence" : "photo_review",
    actor,
    ip: meta.ip,
    now,
    smsToResolved: true,
    // the account was resolved another way meanwhile: this case is closed, not approved
    alreadyResolvedKey: "support.errors.alreadyResolved",
    apply: async (tx) => {
      const { count } = await tx.identityCase.updateMany({
        where: { id: row.id, status: "pending" },
        data: { status: "approved", decidedById: actor.staffUserId, decidedAt: now, photosDeleteAfter },
      });
      if (count !== 1) throw new Refused("conflict", "support.errors.alreadyDecided");
      await audit(tx, actor, {
        action: "identityCase.approve",
        targetType: "identityCase",
        targetId: row.id,
        before: { status: "pending" },
        after: { status: "approved" },
        ip: meta.ip,
      });
    },
  }).catch((error: unknown) => {
    if (error instanceof Refused) return error.result;
    throw error;
  });
  if (!approved.ok) return approved;
  return ok({ status: "approved" });
}

async function rejectCase(
  actor: StaffActor,
  row: { id: string; kind: string; accountId: string; releasePhone: string | null },
  code: RejectReason,
  note: string,
  photosDeleteAfter: Date,
  now: Date,
  ip: string | null | undefined,
): Promise<Result<{ status: "rejected" }>> {
  const reason = encodeRejectReason(code, note);
  let phone: string | null = null;
  try {
    await db.$transaction(async (tx) => {
      const { count } = await tx.identityCase.updateMany({
        where: { id: row.id, status: "pending" },
        data: {
          status: "rejected",
          rejectReason: reason,
          decidedById: actor.staffUserId,
          decidedAt: now,
          photosDeleteAfter,
        },
      });
      if (count !== 1) throw new Refused("conflict", "support.errors.alreadyDecided");
      const account = await tx.account.findUniqueOrThrow({
        where: { id: row.accountId },
        select: { phone: true },
      });
      phone = account.phone;
      if (row.kind === "phone_release") {
        // The claimant has no account here: the answer goes by SMS to the number; the holder hears nothing.
        phone = row.releasePhone;
      } else {
        const kind =
          row.kind === "account_change"
            ? "identity.changeRejected"
            : row.kind === "roster_evidence"
              ? "identity.rosterRejected"
              : "identity.photoRejected";
        const link =
          row.kind === "account_change"
            ? "/identity/change"
            : row.kind === "roster_evidence"
              ? "/identity"
              : "/identity/photos";
        await notify({ accountId: row.accountId }, kind, { reasonCode: code, note }, link, tx);
      }
      await audit(tx, actor, {
        action: "identityCase.reject",
        targetType: "identityCase",
        targetId: row.id,
        before: { status: "pending" },
        after: { status: "rejected", reason },
        ip,
      });
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
  if (phone) {
    const text = rejectReasonText(code, note);
    await sendMessage({
      channel: "sms",
      to: phone,
      body:
        row.kind === "phone_release"
          ? texts.phoneReleaseRejected(text)
          : row.kind === "account_change"
            ? texts.changeRejected(text)
            : row.kind === "roster_evidence"
              ? texts.rosterRejected(text)
              : await renderMessage("casePhotoRejected", { reason: text }),
    });
  }
  return ok({ status: "rejected" });
}

/**
 * Applies an account change: the new name and/or ID number replace the old ones (kept on the case as
 * before-values and in the audit log, masked), the new number's uniqueness among verified accounts is
 * checked again (the unique verifiedIdIndex decides races), records are re-linked to match.
 */
async function applyAccountChange(
  actor: StaffActor,
  caseId: string,
  photosDeleteAfter: Date,
  now: Date,
  ip: string | null | undefined,
): Promise<Result<{ status: "approved" }>> {
  let phone = "";
  try {
    await db.$transaction(async (tx) => {
      const { count } = await tx.identityCase.updateMany({
        where: { id: caseId, status: "pending" },
        data: { status: "approved", decidedById: actor.staffUserId, decidedAt: now, photosDeleteAfter },
      });
      if (count !== 1) throw new Refused("conflict", "support.errors.alreadyDecided");
      const row = await tx.identityCase.findUniqueOrThrow({ where: { id: caseId } });
      const account = await tx.account.findUniqueOrThrow({ where: { id: row.accountId } });
      if (account.identityStatus !== "verified")
        throw new Refused("conflict", "support.errors.accountNotVerified");
      phone = account.phone;
      const newId = row.requestedIdEnc ? decrypt(row.requestedIdEnc) : null;
      const sealed = newId ? sealIdNumber(newId) : null;
      const newIndex = sealed?.idNumberIndex ?? account.idNumberIndex;
      if (newId && newIndex !== account.idNumberIndex) {
        const taken = await tx.account.count({
          where: { verifiedIdIndex: { in: blindIndexes(newId) }, id: { not: account.id } },
        });
        if (taken > 0) throw new Refused("conflict", "support.errors.idNumberTaken");
      }
      const oldIdMasked = account.idMasked;
      const newIdMasked = sealed?.idMasked ?? account.idMasked;
      await tx.account.update({
        where: { id: account.id },
        data: {
          name: row.requestedName ?? account.name,
          ...(sealed ? { ...sealed, verifiedIdIndex: sealed.idNumberIndex } : {}),
        },
      });
      await tx.identityCase.update({
        where: { id: caseId },
        data: { beforeName: account.name, beforeIdEnc: account.idNumberEnc },
      });
      // Records matched the old identity; they are matched again against the new one after the commit.
      const classes = await classGroupsOfAccount(tx, account.id);
      await tx.enrollmentRecord.updateMany({ where: { accountId: account.id }, data: { accountId: null } });
      await refreshProgress(classes, { tx });
      await notify({ accountId: account.id }, "identity.changeApplied", {}, "/identity", tx);
      await audit(tx, actor, {
        action: "account.identityChange",
        targetType: "account",
        targetId: account.id,
        before: { name: account.name, idMasked: oldIdMasked },
        after: { name: row.requestedName ?? account.name, idMasked: newIdMasked, identityCaseId: caseId },
        ip,
      });
      await audit(tx, actor, {
        action: "identityCase.approve",
        targetType: "identityCase",
        targetId: caseId,
        before: { status: "pending" },
        after: { status: "approved" },
        ip,
      });
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    if (isUniqueViolation(error)) return fail("support.errors.idNumberTaken");
    throw error;
  }
  const row = await db.identityCase.findUniqueOrThrow({ where: { id: caseId }, select: { accountId: true } });
  await linkRecordForAccount(row.accountId);
  if (phone) await sendMessage({ channel: "sms", to: phone, body: texts.changeApplied() });
  return ok({ status: "approved" });
}
