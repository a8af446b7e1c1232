import type { EnrollmentRecord } from "../../lib/db/generated/sqlite/client";

/** A row of the EnrollmentRecord table exactly as stored. */
export type RecordRow = EnrollmentRecord;

type ColumnType = "text" | "boolean" | "integer" | "timestamp";

/**
 * The table's columns and their PostgreSQL types, in insert order. `satisfies` makes a schema change to
 * EnrollmentRecord fail type-checking here instead of silently dropping a column.
 */
export const RECORD_COLUMNS = {
  id: "text",
  studentNumber: "text",
  name: "text",
  gender: "text",
  birthDate: "text",
  ethnicity: "text",
  idType: "text",
  idNumberEnc: "text",
  idNumberIndex: "text",
  idMasked: "text",
  schoolName: "text",
  level: "text",
  majorId: "text",
  duration: "text",
  educationCategory: "text",
  studyMode: "text",
  collegeId: "text",
  department: "text",
  classGroupId: "text",
  enrolledOn: "text",
  expectedGraduationOn: "text",
  status: "text",
  cohort: "text",
  admissionPhotoKey: "text",
  examNumberIndex: "text",
  graduationRegistered: "boolean",
  version: "integer",
  accountId: "text",
  createdAt: "timestamp",
  updatedAt: "timestamp",
} as const satisfies Record<keyof RecordRow, ColumnType>;

export const RECORD_COLUMN_NAMES = Object.keys(RECORD_COLUMNS) as (keyof RecordRow)[];

/** Writes record rows inside one transaction that commit() ends. */
export type RecordSink = {
  write(rows: readonly RecordRow[]): Promise<void>;
  commit(): Promise<void>;
  /** rolls back if still open and closes the connection */
  close(): Promise<void>;
};
