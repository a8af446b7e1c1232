import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { maskIdNumber, parseResidentIdNumber } from "@/lib/identity/id-number";
import { nameKey } from "@/lib/identity/name";
import { maskPhone, parsePhone } from "@/lib/identity/phone";
import { audit } from "@/lib/security/audit";
import { workingCalendar } from "@/lib/settings";
import { blindIndexes, decrypt } from "@/lib/security/crypto";
import { requestedChange } from "./account-change";
import { claimantOf } from "./phone-release";
import { CASE_STATUSES, decodeRejectReason, RESPONSE_WORKING_DAYS, REVIEWED_KINDS } from "./rules";
import { addWorkingDays, dueState, hoursBetween, type DueState } from "./working-days";
import { clampPage, parseListParams, type ListParams, type ListSpec } from "@/lib/core/list-params";
import type { Prisma } from "@/lib/db/generated/sqlite/client";

/**
 * The queue's sortable columns. Age and deadline follow the filing time (the deadline is 3 working days
 * after it), so they sort by it; names (the claimant's for a phone release, else the account's) and masked
 * ID numbers are not sortable.
 */
const SUPPORT_ORDER = {
  kind: (dir) => ({ kind: dir }),
  createdAt: (dir) => ({ createdAt: dir }),
  age: (dir) => ({ createdAt: dir === "asc" ? "desc" : "asc" }),
  due: (dir) => ({ createdAt: dir }),
} satisfies Record<string, (dir: "asc" | "desc") => Prisma.IdentityCaseOrderByWithRelationInput>;
export type SupportSort = keyof typeof SUPPORT_ORDER;
export const SUPPORT_LIST: ListSpec<SupportSort> = {
  sorts: ["kind", "createdAt", "age", "due"],
  defaultSort: "createdAt",
};
export const supportListParams = (raw: Record<string, unknown>) => parseListParams(SUPPORT_LIST, raw);

export type QueueItem = {
  id: string;
  kind: string;
  name: string;
  idMasked: string;
  createdAt: Date;
  dueAt: Date;
  due: DueState;
  ageHours: number;
};

/**
 * The support desk's queue (SPEC §7): open photo reviews and account changes, oldest first, each with its
 * deadline under the 3-working-day promise. Lists show ID numbers masked.
 */
export async function listSupportQueue(
  actor: Actor | null,
  now: Date = new Date(),
  list: ListParams<SupportSort> = parseListParams(SUPPORT_LIST, {}),
) {
  assertCan(actor, "identityCase.review");
  const calendar = await workingCalendar();
  const where = { status: "pending", kind: { in: [...REVIEWED_KINDS] } };
  // every open case's filing time (one small column) for the total and the overdue count of the whole queue
  const filed = await db.identityCase.findMany({ where, select: { createdAt: true } });
  const overdue = filed.filter(
    (c) => dueState(addWorkingDays(c.createdAt, RESPONSE_WORKING_DAYS, calendar), now) === "overdue",
  ).length;
  const { page, pages } = clampPage(list.page, filed.length, list.pageSize);
  const rows = await db.identityCase.findMany({
    where,
    orderBy: [SUPPORT_ORDER[list.sort](list.dir), { createdAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * list.pageSize,
    take: list.pageSize,
    include: { account: { select: { name: true } } },
  });
  const items: QueueItem[] = rows.map((row) => {
    const dueAt = addWorkingDays(row.createdAt, RESPONSE_WORKING_DAYS, calendar);
    return {
      id: row.id,
      kind: row.kind,
      // a phone release is the claimant's request, not the account holder's
      name: row.kind === "phone_release" ? (row.requestedName ?? "") : row.account.name,
      idMasked: row.idMasked,
      createdAt: row.createdAt,
      dueAt,
      due: dueState(dueAt, now),
      ageHours: hoursBetween(row.createdAt, now),
    };
  });
  const decided = await db.identityCase.findMany({
    where: { kind: { in: [...REVIEWED_KINDS] }, status: { in: ["approved", "rejected"] } },
    orderBy: { decidedAt: "desc" },
    take: 20,
    include: { account: { select: { name: true } } },
  });
  const clerks = await clerkNames(decided.map((d) => d.decidedById));
  return {
    items,
    total: filed.length,
    page,
    pages,
    overdue,
    recent: decided.map((d) => ({
      id: d.id,
      kind: d.kind,
      status: d.status,
      name: d.kind === "phone_release" ? (d.requestedName ?? "") : d.account.name,
      idMasked: d.idMasked,
      decidedAt: d.decidedAt,
      decidedBy: d.decidedById ? (clerks.get(d.decidedById) ?? "") : "",
    })),
  };
}

async function clerkNames(ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const staff = await db.staffUser.findMany({
    where: { id: { in: wanted } },
    select: { id: true, username: true },
  });
  return new Map(staff.map((s) => [s.id, s.username]));
}

/**
 * One case as support reviews it: the claimed name and the FULL ID number next to the photos, the other
 * accounts holding the number (masked), the account's earlier cases and this case's history. Showing the
 * full number is logged in the audit log each time (who, when, which case).
 */
export async function caseForReview(actor: Actor | null, caseId: string, meta: { ip?: string | null } = {}) {
  assertCan(actor, "identityCase.review");
  const row = await db.identityCase.findFirst({
    where: { id: caseId, kind: { in: [...REVIEWED_KINDS] } },
    include: {
      account: {
        select: {
          id: true,
          name: true,
          phone: true,
          idNumberEnc: true,
          idNumberIndex: true,
          identityStatus: true,
          createdAt: true,
        },
      },
    },
  });
  if (!row) return null;
  const idNumber = decrypt(row.account.idNumberEnc);
  const change = row.kind === "account_change" ? requestedChange(row) : null;
  await db.$transaction((tx) =>
    audit(tx, actor, {
      action: "identityCase.revealIdNumber",
      targetType: "identityCase",
      targetId: row.id,
      after: { accountId: row.account.id, idMasked: maskIdNumber(idNumber) },
      ip: meta.ip,
    }),
  );

  const evidenceRecord = row.evidenceRecordId
    ? await db.enrollmentRecord.findUnique({
        where: { id: row.evidenceRecordId },
        select: {
          studentNumber: true,
          name: true,
          enrolledOn: true,
          idNumberIndex: true,
          college: { select: { name: true } },
          classGroup: { select: { name: true } },
        },
      })
    : null;
  const [holders, earlier, history, records, requestedHolders] = await Promise.all([
    db.account.findMany({
      where: { idNumberIndex: row.account.idNumberIndex, id: { not: row.account.id } },
      select: { id: true, name: true, phone: true, identityStatus: true, createdAt: true, cancelledAt: true },
      orderBy: { createdAt: "asc" },
    }),
    db.identityCase.findMany({
      where: { accountId: row.account.id, id: { not: row.id } },
      orderBy: { createdAt: "desc" },
      take: 20,
    }),
    db.auditLog.findMany({
      where: { targetType: "identityCase", targetId: row.id },
      orderBy: { createdAt: "asc" },
      take: 100,
    }),
    db.enrollmentRecord.findMany({
      where: { idNumberIndex: row.account.idNumberIndex },
      select: { name: true },
    }),
    change?.idNumber
      ? db.account.count({
          where: { verifiedIdIndex: { in: blindIndexes(change.idNumber) }, id: { not: row.account.id } },
        })
      : Promise.resolve(0),
  ]);
  const [clerks, calendar] = await Promise.all([clerkNames([row.decidedById]), workingCalendar()]);
  const key = nameKey(row.account.name);
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    createdAt: row.createdAt,
    dueAt: addWorkingDays(row.createdAt, RESPONSE_WORKING_DAYS, calendar),
    decidedAt: row.decidedAt,
    decidedBy: row.decidedById ? (clerks.get(row.decidedById) ?? "") : "",
    rejectReason: decodeRejectReason(row.rejectReason),
    hasPhotos: { front: !!row.frontPhotoKey, back: !!row.backPhotoKey },
    account: {
      id: row.account.id,
      name: row.account.name,
      idNumber,
      phone: maskPhone(row.account.phone),
      identityStatus: row.account.identityStatus,
      createdAt: row.account.createdAt,
    },
    release:
      row.kind === "phone_release"
        ? {
            ...claimantOf(row),
            holderIdMasked: maskIdNumber(idNumber),
            holderName: maskName(row.account.name),
            sameIdNumber: row.idNumberIndex === row.account.idNumberIndex,
          }
        : null,
    change: change && {
      name: change.name,
      idNumber: change.idNumber,
      beforeName: row.beforeName,
      beforeIdNumber: row.beforeIdEnc ? decrypt(row.beforeIdEnc) : null,
      idNumberTaken: requestedHolders > 0,
    },
    otherHolders: holders.map((h) => ({
      id: h.id,
      name: h.name,
      /** approving this photo review cancels (注销) this account */
      cancelledOnApproval: row.kind === "photo_review" && h.identityStatus !== "cancelled",
      phone: h.phone.startsWith("x:") ? "" : maskPhone(h.phone),
      identityStatus: h.identityStatus,
      createdAt: h.createdAt,
      cancelledAt: h.cancelledAt,
    })),
    rosterMatch: records.some((r) => nameKey(r.name) === key),
    // roster evidence without a 考生号 in the roster: the record the student named, for the clerk to weigh
    evidence: evidenceRecord && {
      studentNumber: evidenceRecord.studentNumber,
      name: evidenceRecord.name,
      enrolledOn: evidenceRecord.enrolledOn,
      college: evidenceRecord.college.name,
      classGroup: evidenceRecord.classGroup.name,
      sameIdNumber: evidenceRecord.idNumberIndex === row.account.idNumberIndex,
    },
    earlierCases: earlier.map((c) => ({
      id: c.id,
      kind: c.kind,
      status: c.status,
      createdAt: c.createdAt,
      rejectReason: decodeRejectReason(c.rejectReason),
    })),
    history: history.map((h) => ({
      id: h.id,
      action: h.action,
      actorType: h.actorType,
      actorLabel: h.actorLabel,
      createdAt: h.createdAt,
    })),
  };
}
/** 李*远: support sees whose account holds the number without the full name of a stranger. */
function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 2
    ? `${chars[0]}*`
    : `${chars[0]}${"*".repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export type CaseForReview = NonNullable<Awaited<ReturnType<typeof caseForReview>>>;

export const CASE_SEARCH_PAGE_SIZE = 20;

/**
 * 已办结工单查询: support finds any reviewed case — closed ones included — by the person's name, full ID
 * number (matched through its blind index, never stored or logged in clear), or phone number, optionally
 * narrowed to one status. Newest first, 20 a page; each links to the case page with its history.
 */
export async function searchSupportCases(
  actor: Actor | null,
  filter: { q?: string; status?: string; page?: number },
) {
  assertCan(actor, "identityCase.review");
  const q = (filter.q ?? "").trim();
  const status = (CASE_STATUSES as readonly string[]).includes(filter.status ?? "")
    ? filter.status
    : undefined;
  if (!q && !status) return { rows: [], total: 0, page: 1, pages: 1, searched: false };
  const id = parseResidentIdNumber(q);
  const phone = parsePhone(q);
  const match = !q
    ? {}
    : id.ok
      ? {
          OR: [
            { idNumberIndex: { in: blindIndexes(id.value) } },
            { account: { idNumberIndex: { in: blindIndexes(id.value) } } },
          ],
        }
      : phone.ok
        ? { OR: [{ releasePhone: phone.value }, { account: { phone: phone.value } }] }
        : { OR: [{ account: { name: { contains: q } } }, { requestedName: { contains: q } }] };
  const where = { kind: { in: [...REVIEWED_KINDS] }, ...(status ? { status } : {}), ...match };
  const total = await db.identityCase.count({ where });
  const pages = Math.max(1, Math.ceil(total / CASE_SEARCH_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page ?? 1), pages);
  const rows = await db.identityCase.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * CASE_SEARCH_PAGE_SIZE,
    take: CASE_SEARCH_PAGE_SIZE,
    include: { account: { select: { name: true } } },
  });
  const clerks = await clerkNames(rows.map((r) => r.decidedById));
  return {
    searched: true,
    total,
    page,
    pages,
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      name: r.kind === "phone_release" ? (r.requestedName ?? "") : r.account.name,
      idMasked: r.idMasked,
      createdAt: r.createdAt,
      decidedAt: r.decidedAt,
      decidedBy: r.decidedById ? (clerks.get(r.decidedById) ?? "") : "",
    })),
  };
}
