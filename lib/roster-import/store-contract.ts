/**
 * What a roster store is and writes: store.ts opens one, store-sqlite.ts and store-postgres.ts implement it.
 * Both backends import this file only, so the store and its backends do not import each other.
 */
import type { ExamNumberUpdate, RecordUpdate } from "./ops";
import type { NewUnits, OrgSnapshot } from "./org";
import type { RecordInsert, StoredRecord } from "./record-columns";

export { INSERT_COLUMNS, RECORD_SELECT_COLUMNS, type StoredRecord } from "./record-columns";

export type HistoryInsert = {
  id: string;
  recordId: string;
  field: string;
  beforeValue: string;
  afterValue: string;
  source: string;
  changedByStaffId: string | null;
  recordVersion: number;
  changedAt: Date;
};

export type JobFinish = {
  id: string;
  status: string;
  totalRows: number;
  processedRows: number;
  newRows: number;
  changedRows: number;
  unchangedRows: number;
  errorRows: number;
  conflictRows: number;
  summary: string;
  finishedAt: Date;
};

export type AuditInsert = {
  id: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string;
  targetId: string;
  after: string;
  createdAt: Date;
};

/** A record changed between the planning pass and the write pass: the whole write is rolled back. */
export class ConcurrentChangeError extends Error {
  constructor() {
    super("record changed during import");
  }
}

/** The lookups account matching needs (the import's store, or Prisma for single decisions). */
export type AccountLookup = {
  verifiedAccounts(
    idIndexes: readonly string[],
  ): Promise<{ id: string; name: string; verifiedIdIndex: string }[]>;
  approvedBindings(recordIds: readonly string[]): Promise<{ recordId: string; accountId: string }[]>;
};

/**
 * The import's own database connection (the raw driver, not the app's Prisma client): batch lookups
 * for the planning pass run ~4× faster than through Prisma, and the write pass is one transaction that
 * other requests cannot wander into (on SQLite the Prisma client shares a single connection, so an
 * interactive transaction there would also capture unrelated queries). Everything or nothing: close()
 * without finish() rolls back.
 */
export interface RosterStore extends AccountLookup {
  orgSnapshot(): Promise<OrgSnapshot>;
  recordsByStudentNumber(studentNumbers: readonly string[]): Promise<StoredRecord[]>;
  /** fields of these records changed by an approved correction (RecordHistory source correction/provincial) */
  protectedFields(recordIds: readonly string[]): Promise<{ recordId: string; field: string }[]>;

  /**
   * starts the write transaction (SQLite: BEGIN IMMEDIATE, so other writers wait); `inserts` is how many
   * records the pass will insert (SQLite rebuilds secondary indexes instead of growing them row by row
   * when that is most of the table)
   */
  begin(options?: { inserts?: number }): Promise<void>;
  insertUnits(units: NewUnits, now: Date): Promise<void>;
  insertRecords(rows: readonly RecordInsert[], now: Date): Promise<void>;
  updateRecords(rows: readonly RecordUpdate[], now: Date): Promise<void>;
  /** 考生号 only: the record's version and updatedAt stay (nothing a student sees changed) */
  setExamNumbers(rows: readonly ExamNumberUpdate[]): Promise<void>;
  insertHistory(rows: readonly HistoryInsert[]): Promise<void>;
  /** job row + audit entry, then COMMIT */
  finish(job: JobFinish, audit: AuditInsert): Promise<void>;
  /** rolls back an unfinished write pass and closes the connection; safe to call twice */
  close(): Promise<void>;
}

export const PROTECTED_SOURCES = ["correction", "provincial"] as const;

export const q = (c: string) => `"${c}"`;
