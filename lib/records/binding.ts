import "server-only";
import { clampPage, parseListParams, type ListParams, type ListSpec } from "@/lib/core/list-params";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import type { Actor, StudentActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { fail, fieldFail, ok, type FieldErrors, type Result } from "@/lib/core/result";
import { db } from "@/lib/db";
import { ID_TYPES, parseIdNumber, type IdType } from "@/lib/identity/id-number";
import { nameKey, parseName } from "@/lib/identity/name";
import { codePointLength, stripAllSpaces, toHalfWidth } from "@/lib/identity/normalize";
import { noticeByMessage, noticeInInbox, type StudentNotice } from "@/lib/messaging/student-notice";
import { Refused } from "@/lib/core/refused";
import { audit } from "@/lib/security/audit";
import { blindIndexes } from "@/lib/security/crypto";
import { consume } from "@/lib/security/rate-limit";
import { refreshProgress } from "@/lib/progress/summary";

export type BindingInput = { studentNumber: string; name: string; idNumber: string };
export type BindingOutcome = { status: "linked" | "pending"; bindingId?: string };

/**
 * 尝试绑定学籍 (SPEC §4.1): a student whose name changed after admission finds their record by 学号 +
 * 证件号码 (+ 姓名, either the admission name on the record or the account's name). The ID number must be
 * the account's own. When the names agree after all, the record is linked at once; otherwise a pending
 * request goes to the registrar. Every mismatch answers the same "no match" (no probing whose record
 * exists), and attempts are limited to 10 a day per account.
 */
export async function requestBinding(
  actor: StudentActor,
  input: BindingInput,
  now: Date = new Date(),
): Promise<Result<BindingOutcome>> {
  assertCan(actor, "record.viewOwn");
  const studentNumber = stripAllSpaces(toHalfWidth(input.studentNumber)).toUpperCase();
  const name = parseName(input.name, { keepTraditional: true });
  const account = await db.account.findUniqueOrThrow({
    where: { id: actor.accountId },
    select: { id: true, name: true, idType: true, idNumberIndex: true },
  });
  const idType: IdType = (ID_TYPES as readonly string[]).includes(account.idType)
    ? (account.idType as IdType)
    : "other";
  const idNumber = parseIdNumber(idType, input.idNumber, now);
  const errors: FieldErrors = {};
  if (!/^[A-Z0-9-]{4,32}$/.test(studentNumber))
    errors.studentNumber = { key: "record.binding.errors.studentNumber" };
  if (!name.ok)
    errors.name = {
      key: name.reason === "empty" ? "record.binding.errors.nameEmpty" : "record.binding.errors.name",
    };
  if (!idNumber.ok) errors.idNumber = { key: "record.binding.errors.idNumber" };
  if (Object.keys(errors).length > 0 || !name.ok || !idNumber.ok) return fieldFail(errors);

  const limit = await consume("recordBindingPerAccountDay", actor.accountId);
  if (!limit.ok) return fail("record.binding.errors.tooMany");

  // Every index this number may carry (two during a key rotation).
  const indexes = blindIndexes(idNumber.value);
  const record = await db.enrollmentRecord.findUnique({
    where: { studentNumber },
    select: {
      id: true,
      name: true,
      classGroupId: true,
      idNumberIndex: true,
      accountId: true,
      account: { select: { identityStatus: true } },
    },
  });
  const key = nameKey(name.value);
  const matches =
    indexes.includes(account.idNumberIndex) &&
    record !== null &&
    indexes.includes(record.idNumberIndex) &&
    (key === nameKey(record.name) || key === nameKey(account.name));
  if (!record || !matches) return fail("record.binding.errors.noMatch");
  if (record.accountId === account.id) return ok({ status: "linked" });
  if (record.accountId && record.account?.identityStatus === "verified")
    return fail("record.binding.errors.heldByOther");

  if (nameKey(record.name) === nameKey(account.name)) {
    const { count } = await db.enrollmentRecord.updateMany({
      where: { id: record.id, accountId: record.accountId },
      data: { accountId: account.id },
    });
    if (count === 1) await refreshProgress([record.classGroupId]);
    return count === 1 ? ok({ status: "linked" }) : fail("record.binding.errors.heldByOther");
  }

  const pending = await db.recordBindingRequest.findFirst({
    where: { accountId: account.id, recordId: record.id, status: "pending" },
    select: { id: true },
  });
  if (pending) return ok({ status: "pending", bindingId: pending.id });
  const binding = await db.$transaction(async (tx) => {
    const created = await tx.recordBindingRequest.create({
      data: { accountId: account.id, recordId: record.id, createdAt: now },
      select: { id: true },
    });
    await audit(tx, actor, {
      action: "recordBinding.request",
      targetType: "RecordBindingRequest",
      targetId: created.id,
    });
    await noticeInInbox(tx, {
      accountId: account.id,
      kind: "binding.submitted",
      params: { studentNumber },
      linkPath: "/record",
    });
    return created;
  });
  return ok({ status: "pending", bindingId: binding.id });
}

export type BindingRow = {
  id: string;
  status: string;
  createdAt: Date;
  decidedAt: Date | null;
  reason: string | null;
  account: { name: string; idMasked: string; phoneMasked: string };
  record: {
    id: string;
    name: string;
    studentNumber: string;
    idMasked: string;
    collegeName: string;
    className: string;
  };
};

/** The binding list's sortable columns, each mapped to its own ordering (never a name from the URL). */
const BINDING_ORDER = {
  account: (dir) => ({ account: { name: dir } }),
  record: (dir) => ({ record: { studentNumber: dir } }),
  createdAt: (dir) => ({ createdAt: dir }),
  status: (dir) => ({ status: dir }),
} satisfies Record<string, (dir: "asc" | "desc") => Prisma.RecordBindingRequestOrderByWithRelationInput>;
export type BindingSort = keyof typeof BINDING_ORDER;
export const BINDING_LIST: ListSpec<BindingSort> = {
  sorts: ["account", "record", "createdAt", "status"],
  defaultSort: "createdAt",
};
export const bindingListParams = (raw: Record<string, unknown>) => parseListParams(BINDING_LIST, raw);

/** The registrar's list: pending first (oldest first), or every binding request. */
export async function listBindings(actor: Actor, filter: { status?: string } = {}): Promise<BindingRow[]> {
  const status = filter.status === "all" ? undefined : (filter.status ?? "pending");
  const list = parseListParams(BINDING_LIST, { dir: status === "pending" ? "asc" : "desc", pageSize: 100 });
  return (await listBindingsPage(actor, filter, list)).rows;
}

/** One page of the binding requests, sorted as the URL says. */
export async function listBindingsPage(
  actor: Actor,
  filter: { status?: string },
  list: ListParams<BindingSort>,
): Promise<{ rows: BindingRow[]; total: number; page: number; pages: number }> {
  assertCan(actor, "recordBinding.decide");
  const status = filter.status === "all" ? undefined : (filter.status ?? "pending");
  const where = status ? { status } : {};
  const total = await db.recordBindingRequest.count({ where });
  const { page, pages } = clampPage(list.page, total, list.pageSize);
  const rows = await db.recordBindingRequest.findMany({
    where,
    orderBy: [BINDING_ORDER[list.sort](list.dir), { createdAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * list.pageSize,
    take: list.pageSize,
    select: {
      id: true,
      status: true,
      createdAt: true,
      decidedAt: true,
      reason: true,
      account: { select: { name: true, idMasked: true, phone: true } },
      record: {
        select: {
          id: true,
          name: true,
          studentNumber: true,
          idMasked: true,
          college: { select: { name: true } },
          classGroup: { select: { name: true } },
        },
      },
    },
  });
  const mapped = rows.map((r) => ({
    id: r.id,
    status: r.status,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
    reason: r.reason,
    account: {
      name: r.account.name,
      idMasked: r.account.idMasked,
      phoneMasked: `${r.account.phone.slice(0, 3)}****${r.account.phone.slice(-4)}`,
    },
    record: {
      id: r.record.id,
      name: r.record.name,
      studentNumber: r.record.studentNumber,
      idMasked: r.record.idMasked,
      collegeName: r.record.college.name,
      className: r.record.classGroup.name,
    },
  }));
  return { rows: mapped, total, page, pages };
}

/**
 * The registrar confirms or refuses a binding. Approval sets the record's account (unless another verified
 * account holds it by now), in one transaction with the decision and its audit entry; the student is told
 * either way. A binding already decided (or decided by a colleague a moment ago) is refused.
 */
export async function decideBinding(
  actor: Actor,
  input: { bindingId: string; decision: "approve" | "reject"; reason?: string },
  now: Date = new Date(),
): Promise<Result<{ status: "approved" | "rejected" }>> {
  assertCan(actor, "recordBinding.decide");
  const reason = input.reason?.trim() ?? "";
  if (input.decision === "reject" && reason === "")
    return fieldFail({ reason: { key: "record.binding.errors.reasonRequired" } });
  if (codePointLength(reason) > 500)
    return fieldFail({ reason: { key: "corrections.errors.reasonTooLong", params: { max: 500 } } });
  const binding = await db.recordBindingRequest.findUnique({
    where: { id: input.bindingId },
    select: { id: true, status: true, accountId: true, recordId: true },
  });
  if (!binding) return fail("record.binding.errors.notFound");
  if (binding.status !== "pending") return fail("record.binding.errors.alreadyDecided");
  const status = input.decision === "approve" ? "approved" : "rejected";
  let notice: StudentNotice;
  try {
    notice = await db.$transaction(async (tx) => {
      const { count } = await tx.recordBindingRequest.updateMany({
        where: { id: binding.id, status: "pending" },
        data: {
          status,
          decidedById: actor.kind === "staff" ? actor.staffUserId : null,
          decidedAt: now,
          reason: reason || null,
        },
      });
      if (count !== 1) throw new Refused("conflict", "record.binding.errors.alreadyDecided");
      const record = await tx.enrollmentRecord.findUniqueOrThrow({
        where: { id: binding.recordId },
        select: {
          accountId: true,
          classGroupId: true,
          studentNumber: true,
          idNumberIndex: true,
          account: { select: { identityStatus: true } },
        },
      });
      if (status === "approved") {
        if (
          record.accountId &&
          record.accountId !== binding.accountId &&
          record.account?.identityStatus === "verified"
        ) {
          throw new Refused("conflict", "record.binding.errors.heldByOther");
        }
        await tx.enrollmentRecord.updateMany({
          where: { id: binding.recordId, accountId: record.accountId },
          data: { accountId: binding.accountId },
        });
        await refreshProgress([record.classGroupId], { tx });
      }
      await audit(tx, actor, {
        action: "recordBinding.decide",
        targetType: "RecordBindingRequest",
        targetId: binding.id,
        before: { status: "pending", recordAccountId: record.accountId },
        after: { status, recordId: binding.recordId, accountId: binding.accountId, reason: reason || null },
      });
      const n: StudentNotice = {
        accountId: binding.accountId,
        kind: status === "approved" ? "binding.approved" : "binding.rejected",
        params: { studentNumber: record.studentNumber, reason },
        linkPath: "/record",
      };
      await noticeInInbox(tx, n);
      return n;
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
  await noticeByMessage(notice);
  return ok({ status });
}

/** Binding requests waiting for the registrar (for the corrections desk's link). */
export async function pendingBindingCount(actor: Actor): Promise<number> {
  assertCan(actor, "recordBinding.decide");
  return db.recordBindingRequest.count({ where: { status: "pending" } });
}
