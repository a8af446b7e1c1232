import { factsFromIdNumber, parseIdNumber, type IdType } from "@/lib/identity/id-number";
import { parseName } from "@/lib/identity/name";
import { stripAllSpaces, toHalfWidth } from "@/lib/identity/normalize";
import { HEADER_OF, ID_TYPE_LABELS, ROSTER_COLUMNS, type RosterField } from "./columns";
import { cellText, parseRosterDate, type RawCell } from "./dates";

/** One valid roster row, normalised (ID number upper-case 18 characters, dates YYYY-MM-DD). */
export type RosterRow = {
  studentNumber: string;
  name: string;
  gender: string;
  birthDate: string;
  ethnicity: string;
  idType: IdType;
  idNumber: string;
  level: string;
  major: string;
  duration: string;
  educationCategory: string;
  studyMode: string;
  college: string;
  department: string;
  classGroup: string;
  enrolledOn: string;
  expectedGraduationOn: string;
  status: string;
  /** year of 入学日期, e.g. "2023" */
  cohort: string;
  /** 考生号, 14 digits, or "" when the file has no such column or the cell is empty */
  examNumber: string;
};

/** An i18n key in the "import.issues" catalogue with its parameters. */
export type RowIssue = {
  field: RosterField | "examNumber" | null;
  key: string;
  params?: Record<string, string | number>;
};

export type RowResult =
  { ok: true; row: RosterRow } | { ok: false; studentNumber: string | null; issues: RowIssue[] };

const DATE_FIELDS = new Set<RosterField>(["birthDate", "enrolledOn", "expectedGraduationOn"]);
/** 系(所、函授站) may be empty (many colleges have no departments); every other column is required. */
const OPTIONAL = new Set<RosterField>(["department"]);
const STUDENT_NUMBER = /^[A-Za-z0-9-]{4,32}$/;
/** 考生号: the gaokao candidate number is 14 digits (2 year + 2 province + 10 serial). */
export const EXAM_NUMBER = /^\d{14}$/;

/** A 考生号 as typed or read from a cell: full-width digits made half-width, spaces removed. */
export function normaliseExamNumber(value: string): string {
  return stripAllSpaces(toHalfWidth(value));
}
/** ID types whose numbers follow GB 11643 and so carry the birth date and gender. */
const ENCODES_FACTS = new Set<IdType>(["resident_id", "hk_macao_residence", "taiwan_residence"]);

/**
 * A name of 2–50 Han characters and nothing else is already what parseName(…, { keepTraditional: true })
 * returns (nothing to normalise, no traditional-character check to make): the common case skips the
 * conversion table lookups.
 */
const PLAIN_HAN_NAME = /^\p{Script=Han}{2,50}$/u;
const NEEDS_CLEANING = /[\uFF01-\uFF5E\u3000\s]/;

function text(cell: RawCell, field: RosterField): string {
  const value = cellText(cell);
  // Free-text columns: full-width letters/digits made half-width, inner runs of spaces collapsed (most
  // cells need neither: one test instead of three passes).
  if (field === "name" || !NEEDS_CLEANING.test(value)) return value;
  return toHalfWidth(value).replace(/\s+/g, " ").trim();
}

/**
 * Validates one data row. Pure: the caller tracks duplicates across rows and looks records up.
 * `cells` is the row as read; `positions` maps each field to its column.
 */
export function validateRow(
  cells: readonly RawCell[],
  positions: Record<RosterField, number>,
  today: Date = new Date(),
  examNumberAt: number | null = null,
): RowResult {
  const issues: RowIssue[] = [];
  const examNumber = examNumberAt === null ? "" : normaliseExamNumber(cellText(cells[examNumberAt]));
  if (examNumber !== "" && !EXAM_NUMBER.test(examNumber))
    issues.push({ field: "examNumber", key: "examNumberFormat" });
  const out: Partial<Record<RosterField, string>> = {};
  for (const { key } of ROSTER_COLUMNS) {
    const cell = cells[positions[key]];
    if (DATE_FIELDS.has(key)) {
      const raw = cellText(cell);
      if (raw === "") {
        issues.push({ field: key, key: "required", params: { column: HEADER_OF[key] } });
        continue;
      }
      const date = parseRosterDate(cell);
      if (!date)
        issues.push({ field: key, key: "dateFormat", params: { column: HEADER_OF[key], value: raw } });
      else out[key] = date;
      continue;
    }
    const value = text(cell, key);
    if (value === "" && !OPTIONAL.has(key)) {
      issues.push(
        key === "name"
          ? { field: key, key: "nameEmpty" }
          : { field: key, key: "required", params: { column: HEADER_OF[key] } },
      );
      continue;
    }
    out[key] = value;
  }

  const studentNumber = out.studentNumber ? stripAllSpaces(out.studentNumber) : undefined;
  if (studentNumber !== undefined) {
    if (!STUDENT_NUMBER.test(studentNumber))
      issues.push({ field: "studentNumber", key: "studentNumberFormat" });
    out.studentNumber = studentNumber;
  }

  if (out.name !== undefined && !PLAIN_HAN_NAME.test(out.name)) {
    const name = parseName(out.name, { keepTraditional: true });
    if (!name.ok) issues.push({ field: "name", key: name.reason === "empty" ? "nameEmpty" : "nameFormat" });
    else out.name = name.value;
  }

  if (out.gender !== undefined && out.gender !== "男" && out.gender !== "女")
    issues.push({ field: "gender", key: "gender" });

  let idType: IdType | undefined;
  if (out.idType !== undefined) {
    idType = ID_TYPE_LABELS[out.idType];
    if (!idType) issues.push({ field: "idType", key: "idType" });
  }
  if (idType && out.idNumber !== undefined) {
    const id = parseIdNumber(idType, out.idNumber, today);
    if (!id.ok) {
      issues.push({ field: "idNumber", key: id.reason === "checkDigit" ? "idCheckDigit" : "idFormat" });
    } else {
      out.idNumber = id.value;
      const facts = ENCODES_FACTS.has(idType) ? factsFromIdNumber(id.value) : null;
      if (facts && out.birthDate && facts.birthDate !== out.birthDate)
        issues.push({ field: "birthDate", key: "birthMismatch", params: { expected: facts.birthDate } });
      if (facts && out.gender && (out.gender === "男" || out.gender === "女") && facts.gender !== out.gender)
        issues.push({ field: "gender", key: "genderMismatch", params: { expected: facts.gender } });
    }
  }

  if (out.enrolledOn && out.expectedGraduationOn && out.expectedGraduationOn <= out.enrolledOn)
    issues.push({ field: "expectedGraduationOn", key: "graduationBeforeEnrolment" });

  if (issues.length > 0) return { ok: false, studentNumber: studentNumber || null, issues };
  const row = out as Record<RosterField, string>;
  return {
    ok: true,
    row: {
      ...row,
      department: row.department ?? "",
      idType: idType as IdType,
      cohort: row.enrolledOn.slice(0, 4),
      examNumber,
    },
  };
}
