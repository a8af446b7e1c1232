import "server-only";
import type { Actor, StudentActor } from "@/lib/auth/actor";
import { assertCan, can, collegeWhere, recordRelationScopeWhere } from "@/lib/auth/policy";
import { db, readRaw } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { requestScopeSql } from "@/lib/auth/scope-sql";
import { maskIdNumber } from "@/lib/identity/id-number";
import { hasHighRiskField, type RecordField } from "@/lib/records/fields";
import { recordHistory, type HistoryEntry } from "@/lib/records/history";
import { openValue, recordValues, recordWithOrg } from "@/lib/records/view";
import { withOrgNames, type PlainRecord } from "@/lib/records/org-names";
import { audit } from "@/lib/security/audit";
import { clampPage, parseListParams, type ListParams, type ListSpec } from "@/lib/core/list-params";
import { isPlacementField, unknownPlacements } from "./placement";
import { CORRECTION_STATUSES, REGISTRAR_QUEUE_STATUSES, type CorrectionStatus } from "./status";

export type Stage = "college" | "registrar";

export type DetailItem = {
  id: string;
  field: RecordField;
  /** value on the record when the request was filed */
  submitted: string;
  /** value on the record now (may differ if the record changed since) */
  current: string;
  requested: string;
  reason: string;
  collegeDecision: string;
  collegeReason: string | null;
  registrarDecision: string;
  registrarReason: string | null;
  /** a 分院 / 专业 / 班级 value no organisation unit has (reviewers see it at once; staff views only) */
  unknownUnit: boolean;
};

export type RequestDetail = {
  id: string;
  status: CorrectionStatus;
  route: string;
  lockVersion: number;
  createdAt: Date;
  collegeDecidedAt: Date | null;
  collegeNote: string | null;
  registrarDecidedAt: Date | null;
  registrarNote: string | null;
  /** 文号 of the provincial decision (provincial route) */
  provincialRef: string | null;
  appliedAt: Date | null;
  withdrawnAt: Date | null;
  items: DetailItem[];
  evidence: { id: string; displayName: string; mime: string; size: number }[];
  record: {
    id: string;
    name: string;
    studentNumber: string;
    collegeName: string;
    majorName: string;
    className: string;
    version: number;
    graduationRegistered: boolean;
  };
  /** ID number values are shown masked unless revealed on purpose (logged) */
  idNumbersRevealed: boolean;
};

/** A request as a review page reads it: items, evidence (what is shown of it) and the record with its units. */
type DetailRow = Prisma.CorrectionRequestGetPayload<{
  include: {
    items: true;
    evidence: { select: { id: true; displayName: true; mime: true; size: true } };
    record: { include: typeof recordWithOrg };
  };
}>;

type PlainRequest = Omit<DetailRow, "items" | "evidence" | "record">;

/**
 * One request with its items, evidence and record, where `condition` (on the alias c) holds, else null.
 * Raw statements: Prisma's nested include compiled four queries anew on every view of a review page and,
 * on PostgreSQL, sent them one after the other; here the request decides, then the rest travel together.
 */
async function detailRow(condition: Prisma.Sql): Promise<DetailRow | null> {
  const [request] = await readRaw<PlainRequest[]>`
    SELECT c.* FROM "CorrectionRequest" c WHERE ${condition}`;
  if (!request) return null;
  const [items, evidence, records] = await Promise.all([
    readRaw<DetailRow["items"]>`
      SELECT * FROM "CorrectionItem" WHERE "requestId" = ${request.id} ORDER BY "id"`,
    readRaw<DetailRow["evidence"]>`
      SELECT "id", "displayName", "mime", "size" FROM "EvidenceFile"
      WHERE "requestId" = ${request.id} ORDER BY "createdAt", "id"`,
    readRaw<PlainRecord[]>`SELECT * FROM "EnrollmentRecord" WHERE "id" = ${request.recordId}`,
  ]);
  const [record] = await withOrgNames(records);
  return { ...request, items, evidence, record };
}

function toDetail(row: DetailRow, reveal: boolean): RequestDetail {
  const now = recordValues(row.record);
  const show = (field: string, value: string) =>
    field === "idNumber" && !reveal ? maskIdNumber(value) : value;
  return {
    id: row.id,
    status: row.status as CorrectionStatus,
    route: row.route,
    lockVersion: row.lockVersion,
    createdAt: row.createdAt,
    collegeDecidedAt: row.collegeDecidedAt,
    collegeNote: row.collegeNote,
    registrarDecidedAt: row.registrarDecidedAt,
    registrarNote: row.registrarNote,
    provincialRef: row.provincialRef,
    appliedAt: row.appliedAt,
    withdrawnAt: row.withdrawnAt,
    items: row.items.map((i) => {
      const field = i.field as RecordField;
      return {
        id: i.id,
        field,
        submitted: show(field, openValue(i.currentValue)),
        // the photo item has no text value: its "current" is the record's photo (PHOTO_VALUE.current)
        current: show(field, now[field] ?? openValue(i.currentValue)),
        requested: show(field, openValue(i.requestedValue)),
        reason: i.reason,
        collegeDecision: i.collegeDecision,
        collegeReason: i.collegeReason,
        registrarDecision: i.registrarDecision,
        registrarReason: i.registrarReason,
        unknownUnit: false,
      };
    }),
    evidence: row.evidence,
    record: {
      id: row.record.id,
      name: row.record.name,
      studentNumber: row.record.studentNumber,
      collegeName: row.record.college.name,
      majorName: row.record.major.name,
      className: row.record.classGroup.name,
      version: row.record.version,
      graduationRegistered: row.record.graduationRegistered,
    },
    idNumbersRevealed: reveal,
  };
}

/** The student's own request (values in clear: they are the student's own data); anyone else's → null. */
export async function requestForStudent(
  actor: StudentActor,
  requestId: string,
): Promise<RequestDetail | null> {
  assertCan(actor, "record.viewOwn");
  const row = await detailRow(Prisma.sql`c."id" = ${requestId} AND c."accountId" = ${actor.accountId}`);
  return row ? toDetail(row, true) : null;
}

export function stagePermission(stage: Stage) {
  return stage === "college" ? "correction.collegeReview" : "correction.registrarReview";
}

/**
 * A request for a reviewer of this stage, inside their college scope (another college's id → null).
 * `revealIdNumbers` shows ID numbers in full; that is a deliberate, logged act (SPEC §5).
 */
export async function requestForStaff(
  actor: Actor,
  stage: Stage,
  requestId: string,
  options: { revealIdNumbers?: boolean } = {},
): Promise<(RequestDetail & { history: HistoryEntry[] | null }) | null> {
  assertCan(actor, stagePermission(stage));
  const scope = requestScopeSql(actor, "c");
  const row = await detailRow(
    scope ? Prisma.sql`c."id" = ${requestId} AND ${scope}` : Prisma.sql`c."id" = ${requestId}`,
  );
  if (!row) return null;
  const hasIdItem = row.items.some((i) => i.field === "idNumber");
  const reveal = !!options.revealIdNumbers && hasIdItem && can(actor, "idNumber.reveal");
  if (reveal) {
    await audit(db, actor, {
      action: "idNumber.reveal",
      targetType: "CorrectionRequest",
      targetId: row.id,
      after: { recordId: row.recordId, idMasked: row.record.idMasked },
    });
  }
  const detail = toDetail(row, reveal);
  const requested = Object.fromEntries(
    detail.items.filter((i) => isPlacementField(i.field)).map((i) => [i.field, i.requested]),
  );
  const [fullHistory, unknown] = await Promise.all([
    can(actor, "record.viewHistory") ? recordHistory(row.recordId) : null,
    unknownPlacements(row.record.collegeId, requested),
  ]);
  const history =
    fullHistory?.map((h) =>
      h.field === "idNumber" && !reveal
        ? { ...h, before: maskIdNumber(h.before), after: maskIdNumber(h.after) }
        : h,
    ) ?? null;
  const items = detail.items.map((i) => ({
    ...i,
    unknownUnit: isPlacementField(i.field) && unknown.has(i.field),
  }));
  return { ...detail, items, history };
}

export type QueueRow = {
  id: string;
  status: CorrectionStatus;
  route: string;
  lockVersion: number;
  createdAt: Date;
  studentName: string;
  studentNumber: string;
  collegeName: string;
  className: string;
  fields: RecordField[];
  highRisk: boolean;
  evidenceCount: number;
};

export type QueueFilter = {
  status?: string;
  q?: string;
  page?: number;
  collegeId?: string;
  campaignId?: string;
};
/** The queue's sortable columns, each mapped to its own ordering (never a field name from the URL). */
const QUEUE_ORDER = {
  student: (dir) => ({ record: { name: dir } }),
  studentNumber: (dir) => ({ record: { studentNumber: dir } }),
  college: (dir) => ({ record: { college: { name: dir } } }),
  class: (dir) => ({ record: { classGroup: { name: dir } } }),
  evidence: (dir) => ({ evidence: { _count: dir } }),
  createdAt: (dir) => ({ createdAt: dir }),
  status: (dir) => ({ status: dir }),
} satisfies Record<string, (dir: "asc" | "desc") => Prisma.CorrectionRequestOrderByWithRelationInput>;
export type QueueSort = keyof typeof QUEUE_ORDER;
export const QUEUE_LIST: ListSpec<QueueSort> = {
  sorts: ["student", "studentNumber", "college", "class", "evidence", "createdAt", "status"],
  defaultSort: "createdAt",
};
export const queueListParams = (raw: Record<string, unknown>) => parseListParams(QUEUE_LIST, raw);

/** Statuses a stage's queue shows by default ("pending"), or one chosen status, or all. */
export function statusWhere(stage: Stage, status: string | undefined): Prisma.CorrectionRequestWhereInput {
  if (status === "all") return {};
  if (status && (CORRECTION_STATUSES as readonly string[]).includes(status)) return { status };
  return stage === "college" ? { status: "submitted" } : { status: { in: [...REGISTRAR_QUEUE_STATUSES] } };
}

export async function listQueue(
  actor: Actor,
  stage: Stage,
  filter: QueueFilter = {},
  list: ListParams<QueueSort> = parseListParams(QUEUE_LIST, { page: filter.page }),
): Promise<{ rows: QueueRow[]; total: number; page: number; pages: number }> {
  assertCan(actor, stagePermission(stage));
  const q = filter.q?.trim();
  const where: Prisma.CorrectionRequestWhereInput = {
    ...recordRelationScopeWhere(actor),
    ...statusWhere(stage, filter.status),
    // the chosen college and the search narrow the actor's scope (AND), never replace it
    AND: [
      filter.collegeId ? { collegeId: filter.collegeId } : {},
      filter.campaignId ? { campaignId: filter.campaignId } : {},
      q ? { record: { OR: [{ studentNumber: { startsWith: q } }, { name: { contains: q } }] } } : {},
    ],
  };
  const total = await db.correctionRequest.count({ where });
  const { page, pages } = clampPage(list.page, total, list.pageSize);
  const rows = await db.correctionRequest.findMany({
    where,
    // the oldest first, then the id, break ties so pages neither repeat nor skip a request
    orderBy: [QUEUE_ORDER[list.sort](list.dir), { createdAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * list.pageSize,
    take: list.pageSize,
    select: {
      id: true,
      status: true,
      route: true,
      lockVersion: true,
      createdAt: true,
      items: { select: { field: true } },
      _count: { select: { evidence: true } },
      record: {
        select: {
          name: true,
          studentNumber: true,
          college: { select: { name: true } },
          classGroup: { select: { name: true } },
        },
      },
    },
  });
  return {
    total,
    page,
    pages,
    rows: rows.map((r) => {
      const fields = r.items.map((i) => i.field as RecordField);
      return {
        id: r.id,
        status: r.status as CorrectionStatus,
        route: r.route,
        lockVersion: r.lockVersion,
        createdAt: r.createdAt,
        studentName: r.record.name,
        studentNumber: r.record.studentNumber,
        collegeName: r.record.college.name,
        className: r.record.classGroup.name,
        fields,
        highRisk: hasHighRiskField(fields),
        evidenceCount: r._count.evidence,
      };
    }),
  };
}

/** How many requests wait for this reviewer (for dashboards' badges). */
export async function pendingCount(actor: Actor, stage: Stage): Promise<number> {
  if (!can(actor, stagePermission(stage))) return 0;
  return db.correctionRequest.count({
    where: { ...recordRelationScopeWhere(actor), ...statusWhere(stage, undefined) },
  });
}

/** The colleges a reviewer may pick in the queue's filter (their own colleges; every college for the registrar). */
export async function queueColleges(actor: Actor, stage: Stage): Promise<{ id: string; name: string }[]> {
  assertCan(actor, stagePermission(stage));
  const scope = collegeWhere(actor);
  return db.college.findMany({
    where: scope.collegeId ? { id: scope.collegeId } : {},
    orderBy: { code: "asc" },
    select: { id: true, name: true },
  });
}
