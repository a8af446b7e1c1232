/**
 * The enrollment record's columns as the roster import reads, inserts and updates them: one list, from which
 * the stores' SELECT / INSERT / UPDATE column lists and the row types are derived.
 */

/** Every shown field and its lookups (ID number as cipher text, blind index and mask), stored as text. */
export const RECORD_DATA_COLUMNS = [
  "name",
  "gender",
  "birthDate",
  "ethnicity",
  "idType",
  "idNumberEnc",
  "idNumberIndex",
  "idMasked",
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
] as const;
export type RecordDataColumn = (typeof RECORD_DATA_COLUMNS)[number];

/** The account the record is linked to, and the blind index of its 考生号 (not a shown field). */
const LINK_COLUMNS = ["accountId", "examNumberIndex"] as const;
type Links = { accountId: string | null; examNumberIndex: string | null };

/** Columns an update rewrites: every shown field (held conflict fields carry their current value). */
export const UPDATE_COLUMNS = [...RECORD_DATA_COLUMNS, ...LINK_COLUMNS] as const;
export type UpdateColumn = (typeof UPDATE_COLUMNS)[number];

/** Columns the planning pass reads of an existing record. */
export const RECORD_SELECT_COLUMNS = [
  "id",
  "studentNumber",
  ...RECORD_DATA_COLUMNS,
  "version",
  ...LINK_COLUMNS,
] as const;

/** Columns of a new record (the stores add version and timestamps). */
export const INSERT_COLUMNS = [
  "id",
  "studentNumber",
  "schoolName",
  ...RECORD_DATA_COLUMNS,
  ...LINK_COLUMNS,
] as const;

/** A new EnrollmentRecord row exactly as stored (dates as ISO strings). */
export type RecordInsert = Record<"id" | "studentNumber" | "schoolName" | RecordDataColumn, string> & Links;

/** An existing record as the store reads it. */
export type StoredRecord = Record<"id" | "studentNumber" | RecordDataColumn, string> & {
  version: number;
} & Links;

/** The stored record as far as the import compares and rewrites it. */
export type ExistingRecord = Omit<StoredRecord, "idNumberEnc">;
