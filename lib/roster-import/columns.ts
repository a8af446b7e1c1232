import { stripAllSpaces, toHalfWidth } from "@/lib/identity/normalize";
import type { IdType } from "@/lib/identity/id-number";

/**
 * The roster file's columns: exactly the record fields of SPEC §4.2 (学校名称 and 录取照片 excepted: the
 * school is this one, photos arrive separately). `key` is the EnrollmentRecord field (glossary name);
 * RecordHistory rows written by the import use the same keys.
 */
export const ROSTER_COLUMNS = [
  { header: "姓名", key: "name" },
  { header: "性别", key: "gender" },
  { header: "出生日期", key: "birthDate" },
  { header: "民族", key: "ethnicity" },
  { header: "证件类型", key: "idType" },
  { header: "证件号码", key: "idNumber" },
  { header: "层次", key: "level" },
  { header: "专业", key: "major" },
  { header: "学制", key: "duration" },
  { header: "学历类别", key: "educationCategory" },
  { header: "学习形式", key: "studyMode" },
  { header: "分院", key: "college" },
  { header: "系(所、函授站)", key: "department" },
  { header: "班级", key: "classGroup" },
  { header: "学号", key: "studentNumber" },
  { header: "入学日期", key: "enrolledOn" },
  { header: "预计毕业日期", key: "expectedGraduationOn" },
  { header: "学籍状态", key: "status" },
] as const;

/**
 * Columns a roster may carry beyond §4.2. 考生号 (the 14-digit gaokao candidate number on the admission
 * notice): only the student and the roster know it, so roster evidence (SPEC §3.3) resolves at once with it.
 * Spreadsheets name it in several ways; all of these are the same column.
 */
export const EXAM_NUMBER_HEADERS = [
  "考生号",
  "高考考生号",
  "考生编号",
  "高考报名号",
  "准考证号考生号",
] as const;

export type RosterField = (typeof ROSTER_COLUMNS)[number]["key"];
export const ROSTER_HEADERS: readonly string[] = ROSTER_COLUMNS.map((c) => c.header);
export const HEADER_OF = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, c.header])) as Record<
  RosterField,
  string
>;
/** Labels of the per-row report's field column, the optional 考生号 included. */
export const FIELD_LABEL: Record<string, string> = { ...HEADER_OF, examNumber: EXAM_NUMBER_HEADERS[0] };

/** 证件类型 as written in the file → the code stored on records and accounts. Codes are accepted too. */
export const ID_TYPE_LABELS: Record<string, IdType> = {
  居民身份证: "resident_id",
  身份证: "resident_id",
  港澳居民居住证: "hk_macao_residence",
  台湾居民居住证: "taiwan_residence",
  护照: "passport",
  其他: "other",
  resident_id: "resident_id",
  hk_macao_residence: "hk_macao_residence",
  taiwan_residence: "taiwan_residence",
  passport: "passport",
  other: "other",
};
export const ID_TYPE_NAME: Record<IdType, string> = {
  resident_id: "居民身份证",
  hk_macao_residence: "港澳居民居住证",
  taiwan_residence: "台湾居民居住证",
  passport: "护照",
  other: "其他",
};

/**
 * Header cells are compared after removing spaces and turning full-width characters half-width:
 * "系（所、函授站）" typed with Chinese parentheses is the same column.
 */
export function headerKey(cell: string): string {
  return stripAllSpaces(toHalfWidth(cell));
}

export type HeaderAnalysis =
  | { ok: true; positions: Record<RosterField, number>; examNumber: number | null; ignored: string[] }
  | { ok: false; missing: string[]; duplicated: string[]; ignored: string[] };

/** Maps the header row to column positions: every field once, in any order; extra columns ignored. */
export function analyseHeader(cells: readonly string[]): HeaderAnalysis {
  const byHeader = new Map(ROSTER_COLUMNS.map((c) => [headerKey(c.header), c.key]));
  const examHeaders = new Set(EXAM_NUMBER_HEADERS.map(headerKey));
  const positions: Partial<Record<RosterField, number>> = {};
  let examNumber: number | null = null;
  const ignored: string[] = [];
  const duplicated: string[] = [];
  cells.forEach((cell, index) => {
    if (examHeaders.has(headerKey(cell))) {
      if (examNumber !== null) duplicated.push(EXAM_NUMBER_HEADERS[0]);
      else examNumber = index;
      return;
    }
    const key = byHeader.get(headerKey(cell));
    if (!key) {
      if (cell.trim() !== "") ignored.push(cell.trim());
      return;
    }
    if (positions[key] !== undefined) duplicated.push(HEADER_OF[key]);
    else positions[key] = index;
  });
  const missing = ROSTER_COLUMNS.filter((c) => positions[c.key] === undefined).map((c) => c.header);
  if (missing.length > 0 || duplicated.length > 0) return { ok: false, missing, duplicated, ignored };
  return { ok: true, positions: positions as Record<RosterField, number>, examNumber, ignored };
}
