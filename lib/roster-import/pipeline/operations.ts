import "server-only";
import { decrypt } from "@/lib/security/crypto";
import { sealIdNumber } from "@/lib/security/id-number-seal";
import { sealValue } from "@/lib/records/view";
import type { RosterField } from "../columns";
import type { FieldChange } from "../diff";
import { newId } from "../ids";
import type { RecordInsert, RecordUpdate, StagedOp, UpdateColumn } from "../ops";
import type { StoredRecord } from "../store";
import type { RowDecision } from "./classify";
import type { MatchedRow } from "./match";

/** Account links decided by matching: 学号 → account id (null: unlink); absent: the link stays. */
export type AccountMatches = ReadonlyMap<string, string | null>;

/** The new record a row creates. */
export function insertFor(m: MatchedRow, schoolName: string, matches: AccountMatches): RecordInsert {
  const { row, placement } = m;
  return {
    id: newId(),
    studentNumber: row.studentNumber,
    name: row.name,
    gender: row.gender,
    birthDate: row.birthDate,
    ethnicity: row.ethnicity,
    idType: row.idType,
    ...sealIdNumber(row.idNumber, m.idIndex),
    schoolName,
    level: row.level,
    majorId: placement.majorId,
    duration: row.duration,
    educationCategory: row.educationCategory,
    studyMode: row.studyMode,
    collegeId: placement.collegeId,
    department: row.department,
    classGroupId: placement.classGroupId,
    enrolledOn: row.enrolledOn,
    expectedGraduationOn: row.expectedGraduationOn,
    status: row.status,
    cohort: row.cohort,
    accountId: matches.get(row.studentNumber) ?? null,
    examNumberIndex: m.examIndex,
  };
}

/**
 * The update of an existing record: applied fields take the file's value, every other column keeps the
 * record's (held fields included); guarded by the version the planning pass read.
 */
export function updateFor(
  m: MatchedRow & { record: StoredRecord },
  applied: readonly FieldChange[],
  matches: AccountMatches,
): RecordUpdate {
  const { record, row, placement } = m;
  const take = new Set(applied.map((c) => c.field));
  const pick = <T>(field: RosterField, file: T, current: T): T => (take.has(field) ? file : current);
  const values: Record<UpdateColumn, string | null> = {
    name: pick("name", row.name, record.name),
    gender: pick("gender", row.gender, record.gender),
    birthDate: pick("birthDate", row.birthDate, record.birthDate),
    ethnicity: pick("ethnicity", row.ethnicity, record.ethnicity),
    idType: pick("idType", row.idType, record.idType),
    ...(take.has("idNumber")
      ? sealIdNumber(row.idNumber, m.idIndex)
      : { idNumberEnc: record.idNumberEnc, idNumberIndex: record.idNumberIndex, idMasked: record.idMasked }),
    level: pick("level", row.level, record.level),
    majorId: pick("major", placement.majorId, record.majorId),
    duration: pick("duration", row.duration, record.duration),
    educationCategory: pick("educationCategory", row.educationCategory, record.educationCategory),
    studyMode: pick("studyMode", row.studyMode, record.studyMode),
    collegeId: pick("college", placement.collegeId, record.collegeId),
    department: pick("department", row.department, record.department),
    classGroupId: pick("classGroup", placement.classGroupId, record.classGroupId),
    enrolledOn: pick("enrolledOn", row.enrolledOn, record.enrolledOn),
    expectedGraduationOn: pick("expectedGraduationOn", row.expectedGraduationOn, record.expectedGraduationOn),
    status: pick("status", row.status, record.status),
    cohort: pick("enrolledOn", row.cohort, record.cohort),
    accountId: matches.has(row.studentNumber) ? (matches.get(row.studentNumber) ?? null) : record.accountId,
    examNumberIndex: m.examIndex ?? record.examNumberIndex,
  };
  return { id: record.id, expectedVersion: record.version, values, history: historyOf(m, applied) };
}

/** History rows of the applied changes; ID numbers sealed (encrypted) as the corrections service writes them. */
function historyOf(m: MatchedRow & { record: StoredRecord }, applied: readonly FieldChange[]) {
  return applied.map((c) =>
    c.field === "idNumber"
      ? {
          field: c.field,
          before: sealValue("idNumber", decrypt(m.record.idNumberEnc)),
          after: sealValue("idNumber", m.row.idNumber),
        }
      : c,
  );
}

/** The staged write a decided row needs, if any (a new 考生号 alone: only that column). */
export function operationFor(
  m: MatchedRow,
  decision: RowDecision,
  schoolName: string,
  matches: AccountMatches,
): StagedOp | null {
  if (decision.kind === "new") return { op: "insert", row: insertFor(m, schoolName, matches) };
  if (!m.record) return null;
  if (decision.kind === "update")
    return { op: "update", row: updateFor({ ...m, record: m.record }, decision.applied, matches) };
  return m.examIndex ? { op: "exam", row: { id: m.record.id, examNumberIndex: m.examIndex } } : null;
}
