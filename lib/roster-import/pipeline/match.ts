import "server-only";
import { blindIndex } from "@/lib/security/crypto";
import { diffRecord, type FieldChange, type Placement } from "../diff";
import { examNumberIndex } from "../exam-number";
import type { OrgResolver } from "../org";
import type { RosterStore, StoredRecord } from "../store";
import type { RosterRow } from "../validate";
import type { ValidRow } from "./check";

/** A valid row next to the record it updates (if any), with what differs and what is held. */
export type MatchedRow = {
  rowNumber: number;
  row: RosterRow;
  idIndex: string;
  /** the file's 考生号 when it differs from the record's (an empty cell never clears a stored one) */
  examIndex: string | null;
  placement: Placement;
  record: StoredRecord | null;
  changes: FieldChange[];
  /** fields of the record an approved correction changed (never overwritten by an import) */
  held: ReadonlySet<string>;
};

const NOTHING_HELD: ReadonlySet<string> = new Set();

/** Unit names by id, for the changes a person reads (old → new). */
function unitNames(org: OrgResolver) {
  return {
    college: (id: string) => org.collegeName.get(id) ?? "",
    major: (id: string) => org.majorName.get(id) ?? "",
    classGroup: (id: string) => org.className.get(id) ?? "",
  };
}

/** One row against its record (or none): lookup keys, placement in the organisation, changed fields. */
export function matchRow(valid: ValidRow, record: StoredRecord | null, org: OrgResolver): MatchedRow {
  const { row } = valid;
  const idIndex = blindIndex(row.idNumber);
  const placement = org.resolve(row.college, row.major, row.classGroup);
  const changes = record ? diffRecord(record, row, placement, idIndex, unitNames(org)) : [];
  const fileExam = row.examNumber ? examNumberIndex(row.examNumber) : null;
  const examIndex = fileExam && fileExam !== record?.examNumberIndex ? fileExam : null;
  return {
    rowNumber: valid.rowNumber,
    row,
    idIndex,
    examIndex,
    placement,
    record,
    changes,
    held: NOTHING_HELD,
  };
}

/** Held fields per record id, for the records of the batch that would change. */
async function heldFields(store: RosterStore, rows: readonly MatchedRow[]) {
  const ids = rows.filter((m) => m.record && m.changes.length > 0).map((m) => (m.record as StoredRecord).id);
  const held = new Map<string, Set<string>>();
  for (const { recordId, field } of await store.protectedFields(ids)) {
    const fields = held.get(recordId) ?? new Set<string>();
    fields.add(field);
    held.set(recordId, fields);
  }
  return held;
}

/** The matching stage: a batch of valid rows looked up by 学号 (one query) and compared. */
export async function matchBatch(
  store: RosterStore,
  org: OrgResolver,
  rows: readonly ValidRow[],
): Promise<MatchedRow[]> {
  if (rows.length === 0) return [];
  const existing = await store.recordsByStudentNumber(rows.map((r) => r.row.studentNumber));
  const byNumber = new Map(existing.map((r) => [r.studentNumber, r]));
  const matched = rows.map((r) => matchRow(r, byNumber.get(r.row.studentNumber) ?? null, org));
  const held = await heldFields(store, matched);
  for (const m of matched) if (m.record) m.held = held.get(m.record.id) ?? NOTHING_HELD;
  return matched;
}
