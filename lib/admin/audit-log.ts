import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { audit } from "@/lib/security/audit";
import { clampPage, parseListParams, type ListParams, type ListSpec } from "@/lib/core/list-params";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import type { AuditFilter } from "./audit-schemas";
import { auditCsvCell, maskIdNumbersIn } from "./audit-scrub";
import { auditTargetOf, describeAuditTargets, studentTargetIds } from "./audit-targets";

export const AUDIT_PAGE_SIZE = 50;

/** The log's sortable columns, each mapped to its own ordering (never a field name from the URL). */
const AUDIT_ORDER = {
  time: (dir) => ({ createdAt: dir }),
  actor: (dir) => ({ actorLabel: dir }),
  action: (dir) => ({ action: dir }),
  target: (dir) => ({ targetType: dir }),
  ip: (dir) => ({ ip: dir }),
} satisfies Record<string, (dir: "asc" | "desc") => Prisma.AuditLogOrderByWithRelationInput>;
export type AuditSort = keyof typeof AUDIT_ORDER;
export const AUDIT_LIST: ListSpec<AuditSort> = {
  sorts: ["time", "actor", "action", "target", "ip"],
  defaultSort: "time",
  defaultDir: "desc",
  defaultPageSize: AUDIT_PAGE_SIZE,
};
export const auditListParams = (raw: Record<string, unknown>) => parseListParams(AUDIT_LIST, raw);
/** Beyond this an export should be narrowed with filters (the file would not open in a spreadsheet). */
export const AUDIT_EXPORT_MAX = 200_000;

/** Start of a school-calendar day (Asia/Shanghai, UTC+8, no daylight saving) as an instant. */
function shanghaiDayStart(day: string, plusDays = 0): Date {
  const d = new Date(`${day}T00:00:00+08:00`);
  return new Date(d.getTime() + plusDays * 86_400_000);
}

export function auditWhere(filter: Omit<AuditFilter, "page" | "student">) {
  const createdAt =
    filter.from || filter.to
      ? {
          ...(filter.from ? { gte: shanghaiDayStart(filter.from) } : {}),
          ...(filter.to ? { lt: shanghaiDayStart(filter.to, 1) } : {}),
        }
      : undefined;
  return {
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actor
      ? {
          OR: [
            { actorLabel: { contains: filter.actor } },
            { actorId: filter.actor },
            { actorType: filter.actor },
          ],
        }
      : {}),
    ...(filter.targetType ? { targetType: filter.targetType } : {}),
    ...(filter.targetId ? { targetId: filter.targetId } : {}),
    ...(createdAt ? { createdAt } : {}),
  };
}

/**
 * The filters as a query; a student search becomes the list of ids entries about that student carry
 * (lib/admin/audit-targets.ts), so the log needs no student column.
 */
async function whereOf(filter: Omit<AuditFilter, "page">) {
  const where = auditWhere(filter);
  if (!filter.student) return where;
  const ids = await studentTargetIds(filter.student);
  return { AND: [where, { targetId: { in: ids } }] };
}

export async function listAuditLog(
  actor: Actor,
  filter: AuditFilter,
  list: ListParams<AuditSort> = parseListParams(AUDIT_LIST, { page: filter.page }),
) {
  assertCan(actor, "audit.view");
  const where = await whereOf(filter);
  const total = await db.auditLog.count({ where });
  const { page, pages } = clampPage(list.page, total, list.pageSize);
  const rows = await db.auditLog.findMany({
    where,
    // the newest first among equals, then the id, so pages neither repeat nor skip an entry
    orderBy: [AUDIT_ORDER[list.sort](list.dir), { createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * list.pageSize,
    take: list.pageSize,
  });
  const targets = await describeAuditTargets(rows);
  return {
    rows: rows.map((r) => ({ ...r, target: auditTargetOf(targets, r) })),
    total,
    page,
    pages,
    pageSize: list.pageSize,
  };
}

/** The distinct actions and target types present, for the filter pickers. */
export async function auditFacets(actor: Actor) {
  assertCan(actor, "audit.view");
  const [actions, targets] = await Promise.all([
    db.auditLog.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
    db.auditLog.groupBy({ by: ["targetType"], orderBy: { targetType: "asc" } }),
  ]);
  return {
    actions: actions.map((a) => a.action),
    targetTypes: targets.map((t) => t.targetType).filter((t): t is string => !!t),
  };
}

const CSV_HEADER = [
  "time",
  "actorType",
  "actor",
  "actorId",
  "action",
  "targetType",
  "targetId",
  "before",
  "after",
  "ip",
];

/**
 * The filtered log as CSV (UTF-8 with BOM so spreadsheets read Chinese), streamed in batches so a large log
 * never sits in memory. The export itself is audited: reading the log is a staff action too.
 */
export async function auditCsvStream(
  actor: Actor,
  filter: Omit<AuditFilter, "page">,
  meta: { ip?: string | null } = {},
): Promise<ReadableStream<Uint8Array>> {
  assertCan(actor, "audit.view");
  const where = await whereOf(filter);
  await audit(db, actor, { action: "audit.export", targetType: "auditLog", after: filter, ip: meta.ip });
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let sent = 0;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`\uFEFF${CSV_HEADER.join(",")}\r\n`));
        return;
      }
      const batch = await db.auditLog.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: Math.min(1000, AUDIT_EXPORT_MAX - sent),
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      });
      if (batch.length === 0) {
        controller.close();
        return;
      }
      cursor = batch[batch.length - 1].id;
      sent += batch.length;
      const lines = batch.map((r) =>
        [
          r.createdAt.toISOString(),
          r.actorType,
          r.actorLabel,
          r.actorId,
          r.action,
          r.targetType,
          r.targetId,
          r.before === null ? "" : maskIdNumbersIn(r.before),
          r.after === null ? "" : maskIdNumbersIn(r.after),
          r.ip,
        ]
          .map(auditCsvCell)
          .join(","),
      );
      controller.enqueue(encoder.encode(lines.join("\r\n") + "\r\n"));
      if (sent >= AUDIT_EXPORT_MAX) controller.close();
    },
  });
}
