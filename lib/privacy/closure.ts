import "server-only";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { clampPage, parseListParams, type ListParams, type ListSpec } from "@/lib/core/list-params";
import type { Actor, StudentActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { endAllSessions } from "@/lib/auth/sessions";
import { confirmCurrentPassword } from "@/lib/accounts/reauth";
import { OPEN_STATUSES } from "@/lib/corrections/status";
import { fail, fieldFail, NotFoundError, ok, type FieldErrors, type Result } from "@/lib/core/result";
import { Refused } from "@/lib/core/refused";
import type { RequestMeta } from "@/lib/core/request-meta";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db/client";
import { maskEmail } from "@/lib/identity/email";
import { codePointLength } from "@/lib/identity/normalize";
import { hasPhone, maskPhone } from "@/lib/identity/phone";
import { phoneTombstone } from "@/lib/identity-cases/resolve";
import { notify } from "@/lib/messaging/inbox";
import { sendMessage } from "@/lib/messaging/send";
import { classGroupsOfAccount, refreshProgress } from "@/lib/progress/summary";
import { audit } from "@/lib/security/audit";
import { encrypt, randomToken } from "@/lib/security/crypto";
import { hashPassword } from "@/lib/security/passwords";
import { consume } from "@/lib/security/rate-limit";
import { closureTexts } from "./closure-texts";

export const CLOSURE_STATUSES = ["pending", "approved", "rejected", "withdrawn"] as const;
export type ClosureStatus = (typeof CLOSURE_STATUSES)[number];
const REASON_MAX = 500;

/** The account of the signed-in student, refused once closed. */
async function ownAccount(actor: StudentActor) {
  assertCan(actor, "account.requestClosure");
  const account = await db.account.findUnique({ where: { id: actor.accountId } });
  if (!account || account.identityStatus === "cancelled") throw new NotFoundError();
  return account;
}

async function openCorrections(accountId: string, tx: Pick<Tx, "correctionRequest"> = db): Promise<number> {
  return tx.correctionRequest.count({ where: { accountId, status: { in: [...OPEN_STATUSES] } } });
}

export type ClosureView = {
  id: string;
  status: ClosureStatus;
  reason: string;
  decisionNote: string | null;
  createdAt: Date;
  decidedAt: Date | null;
};

const VIEW_SELECT = {
  id: true,
  status: true,
  reason: true,
  decisionNote: true,
  createdAt: true,
  decidedAt: true,
} as const;

/** The student's latest closure request (for /account), or null. */
export async function myClosureRequest(actor: StudentActor): Promise<ClosureView | null> {
  assertCan(actor, "account.requestClosure");
  const row = await db.accountClosureRequest.findFirst({
    where: { accountId: actor.accountId },
    orderBy: { createdAt: "desc" },
    select: VIEW_SELECT,
  });
  return row ? { ...row, status: row.status as ClosureStatus } : null;
}

/**
 * 注销账号, the student's side (PIPL art. 47): a reason, the current password and an explicit confirmation
 * that they read what is kept. One open request at a time; refused while a correction request is still
 * being handled (its answer would have nowhere to go). Audited; the inbox confirms it.
 */
export async function requestClosure(
  actor: StudentActor,
  input: { reason: string; currentPassword: string; confirm: boolean },
  meta: RequestMeta,
  now: Date = new Date(),
): Promise<Result<{ id: string }>> {
  const account = await ownAccount(actor);
  const reason = input.reason.trim();
  const errors: FieldErrors = {};
  if (!reason) errors.reason = { key: "privacy.closure.errors.reasonRequired" };
  else if (codePointLength(reason) > REASON_MAX)
    errors.reason = { key: "privacy.closure.errors.reasonTooLong", params: { max: REASON_MAX } };
  if (!input.confirm) errors.confirm = { key: "privacy.closure.errors.confirmRequired" };
  if (Object.keys(errors).length > 0) return fieldFail(errors);
  const pending = await db.accountClosureRequest.count({
    where: { accountId: account.id, status: "pending" },
  });
  if (pending > 0) return fail("privacy.closure.errors.alreadyPending");
  if ((await openCorrections(account.id)) > 0) return fail("privacy.closure.errors.openCorrection");
  const current = await confirmCurrentPassword(account, input.currentPassword);
  if (!current.ok) return current;
  const limit = await consume("closureRequestsPerAccountDay", account.id);
  if (!limit.ok) return fail("privacy.closure.errors.tooMany");
  const created = await db.$transaction(async (tx) => {
    // Re-checked inside the transaction: two tabs submitting at once file one request.
    if ((await tx.accountClosureRequest.count({ where: { accountId: account.id, status: "pending" } })) > 0)
      return null;
    const row = await tx.accountClosureRequest.create({
      data: { accountId: account.id, reason, createdAt: now },
      select: { id: true },
    });
    await audit(tx, actor, {
      action: "account.closureRequest",
      targetType: "AccountClosureRequest",
      targetId: row.id,
      after: { reasonLength: codePointLength(reason) },
      ip: meta.ip,
    });
    await notify({ accountId: account.id }, "closure.submitted", {}, "/account#closure", tx);
    return row;
  });
  return created ? ok(created) : fail("privacy.closure.errors.alreadyPending");
}

/** The student withdraws a request the registrar has not decided yet. */
export async function withdrawClosure(actor: StudentActor, meta: RequestMeta): Promise<Result<null>> {
  const account = await ownAccount(actor);
  return db.$transaction(async (tx) => {
    const row = await tx.accountClosureRequest.findFirst({
      where: { accountId: account.id, status: "pending" },
      select: { id: true },
    });
    if (!row) return fail("privacy.closure.errors.notPending");
    const { count } = await tx.accountClosureRequest.updateMany({
      where: { id: row.id, status: "pending" },
      data: { status: "withdrawn", decidedAt: new Date() },
    });
    if (count !== 1) return fail("privacy.closure.errors.notPending");
    await audit(tx, actor, {
      action: "account.closureWithdraw",
      targetType: "AccountClosureRequest",
      targetId: row.id,
      ip: meta.ip,
    });
    return ok(null);
  });
}

export type ClosureRow = ClosureView & {
  account: { name: string; idMasked: string; phoneMasked: string; identityStatus: string };
  studentNumbers: string[];
  openCorrections: number;
};

/** The closure list's sortable columns, each mapped to its own ordering (never a name from the URL). */
const CLOSURE_ORDER = {
  student: (dir) => ({ account: { name: dir } }),
  createdAt: (dir) => ({ createdAt: dir }),
  status: (dir) => ({ status: dir }),
} satisfies Record<string, (dir: "asc" | "desc") => Prisma.AccountClosureRequestOrderByWithRelationInput>;
export type ClosureSort = keyof typeof CLOSURE_ORDER;
export const CLOSURE_LIST: ListSpec<ClosureSort> = {
  sorts: ["student", "createdAt", "status"],
  defaultSort: "createdAt",
};
export const closureListParams = (raw: Record<string, unknown>) => parseListParams(CLOSURE_LIST, raw);

/** The registrar's list: pending first (oldest first), or every request. */
export async function listClosureRequests(
  actor: Actor,
  filter: { status?: "pending" | "all" } = {},
): Promise<ClosureRow[]> {
  const pendingOnly = (filter.status ?? "pending") === "pending";
  const list = parseListParams(CLOSURE_LIST, { dir: pendingOnly ? "asc" : "desc", pageSize: 100 });
  return (await listClosureRequestsPage(actor, filter, list)).rows;
}

/** One page of the closure requests, sorted as the URL says. */
export async function listClosureRequestsPage(
  actor: Actor,
  filter: { status?: "pending" | "all" },
  list: ListParams<ClosureSort>,
): Promise<{ rows: ClosureRow[]; total: number; page: number; pages: number }> {
  assertCan(actor, "accountClosure.decide");
  const pendingOnly = (filter.status ?? "pending") === "pending";
  const where = pendingOnly ? { status: "pending" } : {};
  const total = await db.accountClosureRequest.count({ where });
  const { page, pages } = clampPage(list.page, total, list.pageSize);
  const rows = await db.accountClosureRequest.findMany({
    where,
    orderBy: [CLOSURE_ORDER[list.sort](list.dir), { createdAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * list.pageSize,
    take: list.pageSize,
    select: { ...VIEW_SELECT, accountId: true },
  });
  return { rows: await Promise.all(rows.map((r) => rowDetail(r))), total, page, pages };
}

/** One request with what the registrar needs to decide (masked identity, records, open corrections). */
export async function closureRequestDetail(actor: Actor, id: string): Promise<ClosureRow | null> {
  assertCan(actor, "accountClosure.decide");
  const row = await db.accountClosureRequest.findUnique({
    where: { id },
    select: { ...VIEW_SELECT, accountId: true },
  });
  return row ? rowDetail(row) : null;
}

async function rowDetail(
  row: Omit<ClosureView, "status"> & { status: string; accountId: string },
): Promise<ClosureRow> {
  const [account, records, open] = await Promise.all([
    db.account.findUniqueOrThrow({
      where: { id: row.accountId },
      select: { name: true, idMasked: true, phone: true, identityStatus: true },
    }),
    db.enrollmentRecord.findMany({ where: { accountId: row.accountId }, select: { studentNumber: true } }),
    openCorrections(row.accountId),
  ]);
  const { accountId: _id, ...view } = row;
  return {
    ...view,
    status: row.status as ClosureStatus,
    account: {
      name: account.name,
      idMasked: account.idMasked,
      phoneMasked: hasPhone(account.phone) ? maskPhone(account.phone) : "",
      identityStatus: account.identityStatus,
    },
    studentNumbers: records.map((r) => r.studentNumber),
    openCorrections: open,
  };
}

/**
 * The registrar approves or refuses a closure request. Approval closes the account in ONE transaction with
 * the decision and its audit entry: contact details, password, security questions, external sign-ins,
 * sessions and the inbox are erased; the enrollment record (unlinked), self-checks, correction requests,
 * the name and encrypted ID number they belong to, sign-in history and the audit log are kept
 * (docs/privacy.md). The student is told by SMS (and e-mail when verified) what is kept and why.
 * A refusal needs a note. A request decided a moment ago by a colleague is refused.
 */
export async function decideClosure(
  actor: Actor,
  input: { requestId: string; decision: "approve" | "reject"; note?: string },
  meta: RequestMeta = { ip: null, userAgent: null },
  now: Date = new Date(),
): Promise<Result<{ status: "approved" | "rejected" }>> {
  assertCan(actor, "accountClosure.decide");
  const note = input.note?.trim() ?? "";
  if (input.decision === "reject" && !note)
    return fieldFail({ note: { key: "privacy.closure.errors.noteRequired" } });
  if (codePointLength(note) > REASON_MAX)
    return fieldFail({ note: { key: "privacy.closure.errors.reasonTooLong", params: { max: REASON_MAX } } });
  const request = await db.accountClosureRequest.findUnique({
    where: { id: input.requestId },
    select: { id: true, status: true, accountId: true },
  });
  if (!request) return fail("privacy.closure.errors.notFound");
  if (request.status !== "pending") return fail("privacy.closure.errors.alreadyDecided");
  const decidedById = actor.kind === "staff" ? actor.staffUserId : null;

  if (input.decision === "reject") {
    return db.$transaction(async (tx) => {
      const { count } = await tx.accountClosureRequest.updateMany({
        where: { id: request.id, status: "pending" },
        data: { status: "rejected", decisionNote: note, decidedById, decidedAt: now },
      });
      if (count !== 1) return fail("privacy.closure.errors.alreadyDecided");
      await audit(tx, actor, {
        action: "account.closureReject",
        targetType: "AccountClosureRequest",
        targetId: request.id,
        after: { status: "rejected" },
        ip: meta.ip,
      });
      await notify(
        { accountId: request.accountId },
        "closure.rejected",
        { reason: note },
        "/account#closure",
        tx,
      );
      return ok({ status: "rejected" as const });
    });
  }

  // Computed outside the transaction: argon2 is slow and the hash of a random secret nobody knows.
  const unusableHash = await hashPassword(randomToken());
  let contact: { phone: string | null; email: string | null };
  try {
    contact = await db.$transaction(async (tx) => {
      const { count } = await tx.accountClosureRequest.updateMany({
        where: { id: request.id, status: "pending" },
        data: { status: "approved", decisionNote: note || null, decidedById, decidedAt: now },
      });
      if (count !== 1) throw new Refused("conflict", "privacy.closure.errors.alreadyDecided");
      if ((await openCorrections(request.accountId, tx)) > 0)
        throw new Refused("conflict", "privacy.closure.errors.openCorrection");
      return closeAccount(tx, actor, request.accountId, unusableHash, now, meta);
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
  if (contact.phone) await sendMessage({ channel: "sms", to: contact.phone, body: closureTexts.closed() });
  if (contact.email) {
    await sendMessage({
      channel: "email",
      to: contact.email,
      subject: closureTexts.closedSubject,
      body: closureTexts.closed(),
    });
  }
  return ok({ status: "approved" as const });
}

/** Erases what the account alone needed and keeps what the register needs; returns where to tell it. */
async function closeAccount(
  tx: Tx,
  actor: Actor,
  accountId: string,
  unusableHash: string,
  now: Date,
  meta: RequestMeta,
): Promise<{ phone: string | null; email: string | null }> {
  const account = await tx.account.findUniqueOrThrow({ where: { id: accountId } });
  if (account.identityStatus === "cancelled")
    throw new Refused("conflict", "privacy.closure.errors.alreadyDecided");
  await tx.account.update({
    where: { id: accountId },
    data: {
      identityStatus: "cancelled",
      verifiedIdIndex: null,
      cancelledAt: now,
      cancelReason: "closure_requested",
      phone: phoneTombstone(accountId),
      email: null,
      emailVerifiedAt: null,
      pendingEmail: null,
      passwordHash: unusableHash,
      notifyBySms: false,
      notifyByEmail: false,
      sessionVersion: { increment: 1 },
    },
  });
  await endAllSessions(tx, { accountId }, "cancelled");
  const questions = await tx.securityQuestion.deleteMany({ where: { accountId } });
  const external = await tx.externalIdentity.deleteMany({ where: { accountId } });
  await tx.resetToken.deleteMany({ where: { accountId } });
  const inbox = await tx.notification.deleteMany({ where: { accountId } });
  // The record stays the school's; unlinked, a later registration by the same person links it again.
  const classes = await classGroupsOfAccount(tx, accountId);
  const records = await tx.enrollmentRecord.updateMany({ where: { accountId }, data: { accountId: null } });
  await refreshProgress(classes, { tx });
  // Open cases close now; their photos go with the next run of the retention job.
  await tx.identityCase.updateMany({
    where: { accountId, status: "pending" },
    data: { status: "cancelled", decidedAt: now, photosDeleteAfter: now },
  });
  await tx.identityCase.updateMany({
    where: {
      accountId,
      status: { not: "pending" },
      OR: [{ frontPhotoKey: { not: null } }, { backPhotoKey: { not: null } }],
    },
    data: { photosDeleteAfter: now },
  });
  await tx.classmateAssist.updateMany({
    where: { OR: [{ requesterAccountId: accountId }, { classmateAccountId: accountId }], status: "pending" },
    data: { status: "expired" },
  });
  await tx.recordBindingRequest.updateMany({
    where: { accountId, status: "pending" },
    data: { status: "rejected", decidedAt: now, reason: "account closed" },
  });
  await notify({ accountId }, "closure.approved", {}, undefined, tx);
  const phone = hasPhone(account.phone) ? account.phone : null;
  await audit(tx, actor, {
    action: "account.close",
    targetType: "account",
    targetId: accountId,
    before: {
      identityStatus: account.identityStatus,
      phone: phone ? maskPhone(phone) : null,
      phoneEnc: phone ? encrypt(phone) : null,
      email: account.email ? maskEmail(account.email) : null,
      emailEnc: account.email ? encrypt(account.email) : null,
    },
    after: {
      identityStatus: "cancelled",
      reason: "closure_requested",
      sessionsEnded: true,
      recordsUnlinked: records.count,
      securityQuestionsDeleted: questions.count,
      externalIdentitiesRemoved: external.count,
      inboxDeleted: inbox.count,
    },
    ip: meta.ip,
  });
  return { phone, email: account.email && account.emailVerifiedAt ? account.email : null };
}
