/**
 * The fields of the national enrollment record (SPEC §4.2), in the order the national site shows them,
 * grouped for the student's page. Pure data shared by services and components; labels live in the
 * "record" catalogue under fields.<key>.
 */
export const PERSONAL_FIELDS = ["name", "gender", "birthDate", "ethnicity", "idNumber"] as const;
export const ENROLLMENT_FIELDS = [
  "schoolName",
  "level",
  "major",
  "duration",
  "educationCategory",
  "studyMode",
  "college",
  "department",
  "classGroup",
  "studentNumber",
  "enrolledOn",
  "expectedGraduationOn",
  "status",
] as const;

export const RECORD_FIELDS = [...PERSONAL_FIELDS, ...ENROLLMENT_FIELDS] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];

/** Every shown field with its display value (the ID number in clear: only for its owner or on purpose). */
export type RecordValues = Record<RecordField, string>;

export function isRecordField(value: string): value is RecordField {
  return (RECORD_FIELDS as readonly string[]).includes(value);
}

/**
 * Fields a student may ask to correct. 学校名称 is the school's own name, the same on every record; 学籍状态
 * is set by the registrar from enrollment events (休学, 退学…), not a data-entry error the student can
 * prove with a document. Both are left out: the page points to the registrar for them (and for the photo).
 */
export const CORRECTABLE_FIELDS: readonly RecordField[] = RECORD_FIELDS.filter(
  (f) => f !== "schoolName" && f !== "status",
);

export function isCorrectableField(value: string): value is RecordField {
  return (CORRECTABLE_FIELDS as readonly string[]).includes(value);
}

/**
 * 录取照片 can be reported wrong too (SPEC §4.2 shows it). It is not a text value: the student gives a
 * reason and image evidence; the registrar's approval supplies the new photo (docs/records.md).
 */
export const PHOTO_FIELD = "admissionPhoto" as const;
export type CorrectionField = RecordField | typeof PHOTO_FIELD;

export function isCorrectionField(value: string): value is CorrectionField {
  return value === PHOTO_FIELD || isCorrectableField(value);
}

/** Stored item / history values of the photo field (never a file name a student could choose). */
export const PHOTO_VALUE = {
  current: "photo:current",
  requested: "photo:evidence",
  before: (key: string) => `photo:before:${key}`,
  after: (key: string) => `photo:after:${key}`,
} as const;

/**
 * High-risk fields (SPEC §4.4): decided one by one, never by bulk approval; a request for any of them
 * needs at least one piece of evidence.
 */
export const HIGH_RISK_FIELDS: ReadonlySet<RecordField> = new Set<RecordField>([
  "name",
  "idNumber",
  "birthDate",
  "gender",
  "ethnicity",
]);

export function hasHighRiskField(fields: readonly string[]): boolean {
  // the admission photo is decided one by one too: its approval needs a new photo
  return fields.some((f) => HIGH_RISK_FIELDS.has(f as RecordField) || f === PHOTO_FIELD);
}

/** Calendar-date fields, stored as YYYY-MM-DD. */
export const DATE_FIELDS: ReadonlySet<RecordField> = new Set<RecordField>([
  "birthDate",
  "enrolledOn",
  "expectedGraduationOn",
]);
