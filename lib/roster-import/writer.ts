import "server-only";
import { databaseUrl, providerOf } from "@/lib/db/provider";
import type { RecordInsert, RecordUpdate } from "./ops";
import type { NewUnits } from "./org";

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

/**
 * The write pass of a roster import: one transaction on a connection of its own (not the app's Prisma
 * client: on SQLite that client shares one connection, so other requests' queries would run inside an
 * open transaction). Everything or nothing: close() without finish() rolls back.
 */
export interface RosterWriter {
  insertUnits(units: NewUnits, now: Date): Promise<void>;
  insertRecords(rows: readonly RecordInsert[], now: Date): Promise<void>;
  updateRecords(rows: readonly RecordUpdate[], now: Date): Promise<void>;
  insertHistory(rows: readonly HistoryInsert[]): Promise<void>;
  finish(job: JobFinish, audit: AuditInsert): Promise<void>;
  close(): Promise<void>;
}

export const INSERT_COLUMNS = [
  "id",
  "studentNumber",
  "name",
  "gender",
  "birthDate",
  "ethnicity",
  "idType",
  "idNumberEnc",
  "idNumberIndex",
  "idMasked",
  "schoolName",
  "level",
  "majorId",
  "duration",
  "educationCategory",
  "studyMode",
  "collegeId",
  "department",
  "classGroupId",
  "enrolledOn",
  "expectedGraduationOn",
  "status",
  "cohort",
  "accountId",
] as const satisfies readonly (keyof RecordInsert)[];

export async function openRosterWriter(url: string = databaseUrl()): Promise<RosterWriter> {
  if (providerOf(url) === "postgresql") {
    const { openPostgresWriter } = await import("./writer-postgres");
    return openPostgresWriter(url);
  }
  const { openSqliteWriter } = await import("./writer-sqlite");
  return openSqliteWriter(url);
}
