import "server-only";
import { blindIndex, decrypt, encrypt } from "@/lib/security/crypto";
import { sealValue } from "@/lib/records/view";
import { matchAccounts, type MatchInput } from "./account-match";
import type { RosterStore, StoredRecord } from "./store";
import { analyseHeader, HEADER_OF, type RosterField } from "./columns";
import { diffRecord, type FieldChange } from "./diff";
import {
  StagingWriter,
  type ExamNumberUpdate,
  type RecordInsert,
  type RecordUpdate,
  type StagedOp,
  type UpdateColumn,
} from "./ops";
import { examNumberIndex } from "./exam-number";
import { newId } from "./ids";
import { OrgResolver, type NewUnits } from "./org";
import { readRosterBatches, RosterFileError, type RosterFormat } from "./read-file";
import { validateRow, type RosterRow } from "./validate";
import { sealIdNumber } from "@/lib/security/id-number-seal";

/** One issue row of the per-row report (message = JSON of an i18n key and params, see report.ts). */
export type PlannedIssue = {
  rowNumber: number;
  studentNumber: string | null;
  severity: "error" | "conflict";
  field: string | null;
  message: string;
};

/** A student the import changes (ImportChange row): which fields, old → new as a person reads them. */
export type PlannedChange = {
  rowNumber: number;
  studentNumber: string;
  recordId: string | null;
  name: string;
  kind: "new" | "changed";
  fields: string;
};

/** New students listed in the preview (all are counted; the file itself lists them all). */
export const NEW_LISTED = 1000;

export type PlanSummary = {
  totalRows: number;
  newRows: number;
  changedRows: number;
  unchangedRows: number;
  errorRows: number;
  conflictRows: number;
  ignoredColumns: string[];
  created: NewUnits;
};

export type PlanResult =
  | { ok: true; summary: PlanSummary }
  | { ok: false; error: { key: string; params?: Record<string, string | number> } };

export type PlanOptions = {
  store: RosterStore;
  filePath: string;
  format: RosterFormat;
  schoolName: string;
  /** commit mode: decided operations go to this staging file */
  staging?: StagingWriter;
  onProgress?: (processedRows: number) => Promise<void>;
  onIssues: (issues: PlannedIssue[]) => Promise<void>;
  /** the preview's list of changes, written in batches like the issues */
  onChanges?: (changes: PlannedChange[]) => Promise<void>;
  today?: Date;
  batchSize?: number;
};

type Existing = StoredRecord;
type Pending = { rowNumber: number; row: RosterRow };

const issueMessage = (key: string, params?: Record<string, string | number>) =>
  JSON.stringify({ key, params });

/** Storage value a conflicting field would take ("take file" decision later). */
function proposedValue(field: RosterField, row: RosterRow): string {
  if (field === "idNumber") return encrypt(row.idNumber);
  return String(row[field as keyof RosterRow]);
}

/**
 * The planning pass, shared by preview (dry run) and commit: streams the file, validates every row,
 * compares valid rows with the stored records in batches and classifies them new / changed / unchanged /
 * error / conflict. Only reads the database (plus issue rows through onIssues); in commit mode the decided
 * writes go to the staging file for the write pass.
 */
export async function planRoster(options: PlanOptions): Promise<PlanResult> {
  const batchSize = options.batchSize ?? 1000;
  const today = options.today ?? new Date();
  const { store } = options;
  const org = new OrgResolver(await store.orgSnapshot());
  const summary: PlanSummary = {
    totalRows: 0,
    newRows: 0,
    changedRows: 0,
    unchangedRows: 0,
    errorRows: 0,
    conflictRows: 0,
    ignoredColumns: [],
    created: org.created,
  };
  const seen = new Map<string, number>();
  let positions: Record<RosterField, number> | null = null;
  let examNumberAt: number | null = null;
  let pending: Pending[] = [];
  let issues: PlannedIssue[] = [];
  let changes: PlannedChange[] = [];

  const flushIssues = async (force = false) => {
    if (changes.length > 0 && (force || changes.length >= 500)) {
      const out = changes;
      changes = [];
      await options.onChanges?.(out);
    }
    if (issues.length === 0 || (!force && issues.length < 500)) return;
    const out = issues;
    issues = [];
    await options.onIssues(out);
  };

  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    await classify(batch);
    await options.onProgress?.(summary.totalRows);
    await flushIssues();
  };

  const classify = async (batch: Pending[]) => {
    const existing = await store.recordsByStudentNumber(batch.map((p) => p.row.studentNumber));
    const byNumber = new Map(existing.map((r) => [r.studentNumber, r]));
    const names = {
      college: (id: string) => org.collegeName.get(id) ?? "",
      major: (id: string) => org.majorName.get(id) ?? "",
      classGroup: (id: string) => org.className.get(id) ?? "",
    };
    type Item = Pending & {
      idIndex: string;
      /** the file's 考生号 when it differs from the record's (an empty cell never clears a stored one) */
      examIndex: string | null;
      placement: ReturnType<OrgResolver["resolve"]>;
      record?: Existing;
      changes: FieldChange[];
    };
    const items: Item[] = batch.map((p) => {
      const idIndex = blindIndex(p.row.idNumber);
      const placement = org.resolve(p.row.college, p.row.major, p.row.classGroup);
      const record = byNumber.get(p.row.studentNumber);
      const changes = record ? diffRecord(record, p.row, placement, idIndex, names) : [];
      const fileExam = p.row.examNumber ? examNumberIndex(p.row.examNumber) : null;
      const examIndex = fileExam && fileExam !== record?.examNumberIndex ? fileExam : null;
      return { ...p, idIndex, examIndex, placement, record, changes };
    });

    const changedIds = items
      .filter((i) => i.record && i.changes.length > 0)
      .map((i) => (i.record as Existing).id);
    const protectedRows = await store.protectedFields(changedIds);
    const protectedFields = new Map<string, Set<string>>();
    for (const p of protectedRows) {
      const set = protectedFields.get(p.recordId) ?? new Set<string>();
      set.add(p.field);
      protectedFields.set(p.recordId, set);
    }

    const matchInputs: MatchInput[] = [];
    type Decided = Item & { applied: FieldChange[] };
    const decided: Decided[] = [];
    const examOnly: ExamNumberUpdate[] = [];
    for (const item of items) {
      if (!item.record) {
        summary.newRows++;
        if (summary.newRows <= NEW_LISTED)
          changes.push({
            rowNumber: item.rowNumber,
            studentNumber: item.row.studentNumber,
            recordId: null,
            name: item.row.name,
            kind: "new",
            fields: "[]",
          });
        matchInputs.push({ key: item.row.studentNumber, name: item.row.name, idIndex: item.idIndex });
        decided.push({ ...item, applied: [] });
        continue;
      }
      if (item.changes.length === 0) {
        // a 考生号 added to an otherwise unchanged record: stored, but no shown field changed
        summary.unchangedRows++;
        if (item.examIndex) examOnly.push({ id: item.record.id, examNumberIndex: item.examIndex });
        continue;
      }
      const held = protectedFields.get(item.record.id);
      const conflicts = held
        ? item.changes.filter((c) => held.has(c.field) || held.has(HEADER_OF[c.field]))
        : [];
      const applied = item.changes.filter((c) => !conflicts.includes(c));
      if (conflicts.length > 0) {
        summary.conflictRows++;
        for (const c of conflicts)
          issues.push({
            rowNumber: item.rowNumber,
            studentNumber: item.row.studentNumber,
            severity: "conflict",
            field: c.field,
            message: JSON.stringify({
              key: "conflict",
              recordId: item.record.id,
              before: c.before,
              after: c.after,
              value: proposedValue(c.field, item.row),
            }),
          });
      }
      if (applied.length === 0) {
        if (item.examIndex) examOnly.push({ id: item.record.id, examNumberIndex: item.examIndex });
        continue;
      }
      summary.changedRows++;
      changes.push({
        rowNumber: item.rowNumber,
        studentNumber: item.row.studentNumber,
        recordId: item.record.id,
        name: item.record.name,
        kind: "changed",
        fields: JSON.stringify(applied),
      });
      if (applied.some((c) => c.field === "name" || c.field === "idNumber"))
        matchInputs.push({
          key: item.row.studentNumber,
          name: applied.some((c) => c.field === "name") ? item.row.name : item.record.name,
          idIndex: applied.some((c) => c.field === "idNumber") ? item.idIndex : item.record.idNumberIndex,
          recordId: item.record.id,
          currentAccountId: item.record.accountId,
        });
      decided.push({ ...item, applied });
    }

    if (!options.staging) return;
    const matches = await matchAccounts(store, matchInputs);
    const ops: StagedOp[] = [];
    for (const item of decided) {
      if (!item.record) {
        const insert: RecordInsert = {
          id: newId(),
          studentNumber: item.row.studentNumber,
          name: item.row.name,
          gender: item.row.gender,
          birthDate: item.row.birthDate,
          ethnicity: item.row.ethnicity,
          idType: item.row.idType,
          ...sealIdNumber(item.row.idNumber, item.idIndex),
          schoolName: options.schoolName,
          level: item.row.level,
          majorId: item.placement.majorId,
          duration: item.row.duration,
          educationCategory: item.row.educationCategory,
          studyMode: item.row.studyMode,
          collegeId: item.placement.collegeId,
          department: item.row.department,
          classGroupId: item.placement.classGroupId,
          enrolledOn: item.row.enrolledOn,
          expectedGraduationOn: item.row.expectedGraduationOn,
          status: item.row.status,
          cohort: item.row.cohort,
          accountId: matches.get(item.row.studentNumber) ?? null,
          examNumberIndex: item.examIndex,
        };
        ops.push({ op: "insert", row: insert });
        continue;
      }
      ops.push({
        op: "update",
        row: updateFor(
          item.record,
          item.row,
          item.placement,
          item.idIndex,
          item.applied,
          matches,
          item.examIndex,
        ),
      });
    }
    for (const row of examOnly) ops.push({ op: "exam", row });
    // one write per batch: a write (and a possible wait for the stream to drain) per row cost more than
    // the JSON itself
    await options.staging.writeAll(ops);
  };

  try {
    for await (const sheetRows of readRosterBatches(options.filePath, options.format))
      for (const { rowNumber, cells } of sheetRows) {
        if (!positions) {
          const header = analyseHeader(cells.map((c) => (typeof c === "string" ? c : String(c ?? ""))));
          if (!header.ok) {
            return {
              ok: false,
              error: {
                key: header.missing.length ? "missingColumns" : "duplicateColumns",
                params: { columns: (header.missing.length ? header.missing : header.duplicated).join("、") },
              },
            };
          }
          positions = header.positions;
          examNumberAt = header.examNumber;
          summary.ignoredColumns = header.ignored;
          continue;
        }
        summary.totalRows++;
        const result = validateRow(cells, positions, today, examNumberAt);
        const studentNumber = result.ok ? result.row.studentNumber : result.studentNumber;
        const first = studentNumber ? seen.get(studentNumber) : undefined;
        if (studentNumber && first === undefined) seen.set(studentNumber, rowNumber);
        if (!result.ok || first !== undefined) {
          summary.errorRows++;
          const rowIssues = result.ok ? [] : result.issues;
          if (first !== undefined)
            rowIssues.push({ field: "studentNumber", key: "duplicateStudentNumber", params: { row: first } });
          for (const i of rowIssues)
            issues.push({
              rowNumber,
              studentNumber,
              severity: "error",
              field: i.field,
              message: issueMessage(i.key, i.params),
            });
          continue;
        }
        pending.push({ rowNumber, row: result.row });
        if (pending.length >= batchSize) await flush();
      }
    if (!positions) return { ok: false, error: { key: "emptyFile" } };
    await flush();
    await flushIssues(true);
    return { ok: true, summary };
  } catch (error) {
    if (error instanceof RosterFileError)
      return { ok: false, error: { key: error.key, params: error.params } };
    throw error;
  }
}

function updateFor(
  record: Existing,
  row: RosterRow,
  placement: { collegeId: string; majorId: string; classGroupId: string },
  idIndex: string,
  applied: FieldChange[],
  matches: Map<string, string | null>,
  examIndex: string | null,
): RecordUpdate {
  const take = new Set(applied.map((c) => c.field));
  const pick = <T>(field: RosterField, file: T, current: T): T => (take.has(field) ? file : current);
  const idChanged = take.has("idNumber");
  const values: Record<UpdateColumn, string | null> = {
    name: pick("name", row.name, record.name),
    gender: pick("gender", row.gender, record.gender),
    birthDate: pick("birthDate", row.birthDate, record.birthDate),
    ethnicity: pick("ethnicity", row.ethnicity, record.ethnicity),
    idType: pick("idType", row.idType, record.idType),
    ...(idChanged
      ? sealIdNumber(row.idNumber, idIndex)
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
    examNumberIndex: examIndex ?? record.examNumberIndex,
  };
  // History keeps ID numbers sealed (encrypted) like the corrections service does (lib/records/view.ts).
  const history = applied.map((c) =>
    c.field === "idNumber"
      ? {
          field: c.field,
          before: sealValue("idNumber", decrypt(record.idNumberEnc)),
          after: sealValue("idNumber", row.idNumber),
        }
      : c,
  );
  return { id: record.id, expectedVersion: record.version, values, history };
}
