import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can, inRecordScope } from "@/lib/auth/policy";
import { db, readRaw } from "@/lib/db";
import { openValue } from "./view";

export type HistoryEntry = {
  id: string;
  field: string;
  before: string;
  after: string;
  source: string;
  recordVersion: number;
  changedAt: Date;
};

/** 更改前的信息 of a record, newest first. Callers have already checked who may see the record. */
export async function recordHistory(recordId: string): Promise<HistoryEntry[]> {
  // raw: read on every view of /record (see recordsForAccount in ./matching.ts)
  const rows = await readRaw<
    {
      id: string;
      field: string;
      beforeValue: string;
      afterValue: string;
      source: string;
      recordVersion: number;
      changedAt: Date;
    }[]
  >`
    SELECT "id", "field", "beforeValue", "afterValue", "source", "recordVersion", "changedAt"
    FROM "RecordHistory" WHERE "recordId" = ${recordId}
    ORDER BY "changedAt" DESC, "recordVersion" DESC LIMIT 200`;
  return rows.map((r) => ({
    id: r.id,
    field: r.field,
    before: openValue(r.beforeValue),
    after: openValue(r.afterValue),
    source: r.source,
    recordVersion: r.recordVersion,
    changedAt: r.changedAt,
  }));
}

/** History for staff: the registrar (record.viewHistory) or college staff of the record's college. */
export async function recordHistoryForStaff(actor: Actor, recordId: string): Promise<HistoryEntry[] | null> {
  const record = await db.enrollmentRecord.findUnique({
    where: { id: recordId },
    select: { collegeId: true, classGroupId: true, cohort: true },
  });
  if (!record) return null;
  const allowed =
    can(actor, "record.viewHistory") ||
    (can(actor, "correction.collegeReview") && inRecordScope(actor, record));
  return allowed ? recordHistory(recordId) : null;
}
