import { describe, expect, it } from "vitest";
import { ROSTER_COLUMNS, ROSTER_HEADERS } from "@/lib/roster-import/columns";
import { RosterFileError, type SheetRow } from "@/lib/roster-import/read-file";
import { OrgResolver } from "@/lib/roster-import/org";
import type { StoredRecord } from "@/lib/roster-import/store-contract";
import type { RecordUpdate } from "@/lib/roster-import/ops";
import { inBatches } from "@/lib/roster-import/pipeline/batches";
import {
  checkRows,
  headerOf,
  splitHeader,
  type CheckedRow,
  type ValidRow,
} from "@/lib/roster-import/pipeline/check";
import { classifyRow, matchInputOf } from "@/lib/roster-import/pipeline/classify";
import { matchRow, type MatchedRow } from "@/lib/roster-import/pipeline/match";
import { operationFor } from "@/lib/roster-import/pipeline/operations";
import {
  PlanAccumulator,
  NEW_LISTED,
  type PlannedChange,
  type PlannedIssue,
} from "@/lib/roster-import/pipeline/accumulator";
import { rowsOfRecords } from "@/lib/roster-import/pipeline/rows";
import { emptyPlanSummary, jobSummaryOf, planSummarySchema } from "@/lib/roster-import/pipeline/summary";
import { byKind, historyRows } from "@/lib/roster-import/pipeline/write";
import { blindIndex, decrypt } from "@/lib/security/crypto";
import { sealIdNumber } from "@/lib/security/id-number-seal";

const TODAY = new Date("2026-11-25");

const GOOD: Record<string, string> = {
  name: "张三",
  gender: "男",
  birthDate: "2005-03-12",
  ethnicity: "汉族",
  idType: "居民身份证",
  idNumber: "110105200503120012",
  level: "本科",
  major: "计算机科学与技术",
  duration: "4",
  educationCategory: "普通",
  studyMode: "普通全日制",
  college: "计算机学院",
  department: "计算机系",
  classGroup: "计算机2301班",
  studentNumber: "202301019999",
  enrolledOn: "2023-09-01",
  expectedGraduationOn: "2027-06-30",
  status: "在籍(注册学籍)",
};
const record = (over: Record<string, string> = {}) => ({ ...GOOD, ...over });

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function* fromArray<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

async function checked(records: Record<string, string>[]): Promise<CheckedRow[]> {
  const split = await splitHeader(rowsOfRecords(records));
  if (!split) throw new Error("no header");
  return collect(checkRows(split.data, split.header, TODAY));
}

async function validRow(over: Record<string, string> = {}): Promise<ValidRow> {
  const [row] = await checked([record(over)]);
  if (!row.ok) throw new Error(JSON.stringify(row.issues));
  return row;
}

describe("reading stage: records as rows", () => {
  it("yields the header, then one row per record from row 2, each value in its column, again on each pass", async () => {
    const source = rowsOfRecords([record(), record({ studentNumber: "X1234", department: "" })]);
    for (let pass = 0; pass < 2; pass++) {
      const rows = await collect(source);
      expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3]);
      expect(rows[0].cells).toEqual([...ROSTER_HEADERS]);
      const at = (key: string) => ROSTER_COLUMNS.findIndex((c) => c.key === key);
      expect(rows[2].cells[at("studentNumber")]).toBe("X1234");
      expect(rows[2].cells[at("department")]).toBe("");
    }
  });
});

describe("batching stage", () => {
  it("groups a stream into arrays of the size asked, the last one shorter, nothing for nothing", async () => {
    expect(await collect(inBatches(fromArray([1, 2, 3, 4, 5]), 2))).toEqual([[1, 2], [3, 4], [5]]);
    expect(await collect(inBatches(fromArray([1, 2]), 2))).toEqual([[1, 2]]);
    expect(await collect(inBatches(fromArray([]), 3))).toEqual([]);
  });
});

describe("header and validation stage", () => {
  it("refuses a header missing a column or naming one twice, naming the columns", () => {
    const missing = () => headerOf(ROSTER_HEADERS.filter((h) => h !== "学号"));
    expect(missing).toThrow(RosterFileError);
    try {
      missing();
    } catch (error) {
      expect((error as RosterFileError).key).toBe("missingColumns");
      expect((error as RosterFileError).params).toEqual({ columns: "学号" });
    }
    try {
      headerOf([...ROSTER_HEADERS, "学号"]);
    } catch (error) {
      expect((error as RosterFileError).key).toBe("duplicateColumns");
    }
  });

  it("lists extra columns as ignored; an empty stream has no header", async () => {
    expect(headerOf([...ROSTER_HEADERS, "备注"]).ignoredColumns).toEqual(["备注"]);
    expect(await splitHeader(fromArray<SheetRow>([]))).toBeNull();
  });

  it("normalises valid rows and turns problems into issues; the second use of a 学号 names the first row", async () => {
    const rows = await checked([
      record(),
      record({ studentNumber: "202301010001", idNumber: "110105200503120013" }),
      record({ name: "李四" }),
    ]);
    expect(rows[0]).toMatchObject({ rowNumber: 2, ok: true, row: { idType: "resident_id", cohort: "2023" } });
    expect(rows[1]).toMatchObject({ rowNumber: 3, ok: false, studentNumber: "202301010001" });
    expect(rows[1].ok ? [] : rows[1].issues.map((i) => i.key)).toEqual(["idCheckDigit"]);
    expect(rows[2]).toMatchObject({ rowNumber: 4, ok: false, studentNumber: GOOD.studentNumber });
    expect(rows[2].ok ? [] : rows[2].issues).toEqual([
      { field: "studentNumber", key: "duplicateStudentNumber", params: { row: 2 } },
    ]);
  });
});

function stored(valid: ValidRow, org: OrgResolver, over: Partial<StoredRecord> = {}): StoredRecord {
  const placement = org.resolve(valid.row.college, valid.row.major, valid.row.classGroup);
  return {
    id: "rec1",
    studentNumber: valid.row.studentNumber,
    version: 3,
    accountId: "acc1",
    examNumberIndex: null,
    name: valid.row.name,
    gender: valid.row.gender,
    birthDate: valid.row.birthDate,
    ethnicity: valid.row.ethnicity,
    idType: valid.row.idType,
    ...sealIdNumber(valid.row.idNumber),
    level: valid.row.level,
    majorId: placement.majorId,
    duration: valid.row.duration,
    educationCategory: valid.row.educationCategory,
    studyMode: valid.row.studyMode,
    collegeId: placement.collegeId,
    department: valid.row.department,
    classGroupId: placement.classGroupId,
    enrolledOn: valid.row.enrolledOn,
    expectedGraduationOn: valid.row.expectedGraduationOn,
    status: valid.row.status,
    cohort: valid.row.cohort,
    ...over,
  } as StoredRecord;
}

const emptyOrg = () => new OrgResolver({ colleges: [], majors: [], classGroups: [] });

describe("matching and classification stages", () => {
  it("a row without a record is new: insert with the account found, listed for matching", async () => {
    const valid = await validRow();
    const org = emptyOrg();
    const m = matchRow(valid, null, org);
    expect(org.created.colleges.map((c) => c.name)).toEqual(["计算机学院"]);
    const decision = classifyRow(m);
    expect(decision).toEqual({ kind: "new" });
    expect(matchInputOf(m, decision)).toEqual({
      key: GOOD.studentNumber,
      name: "张三",
      idIndex: blindIndex(GOOD.idNumber),
    });
    const op = operationFor(m, decision, "示范大学", new Map([[GOOD.studentNumber, "acc9"]]));
    expect(op?.op).toBe("insert");
    if (op?.op !== "insert") return;
    expect(op.row).toMatchObject({ schoolName: "示范大学", accountId: "acc9", cohort: "2023" });
    expect(decrypt(op.row.idNumberEnc)).toBe(GOOD.idNumber);
  });

  it("the same values are unchanged (no write), unless a new 考生号 arrives (that column only)", async () => {
    const org = emptyOrg();
    const valid = await validRow();
    const m = matchRow(valid, stored(valid, org), org);
    expect(classifyRow(m)).toEqual({ kind: "unchanged" });
    expect(operationFor(m, classifyRow(m), "示范大学", new Map())).toBeNull();
    const withExam = { ...m, examIndex: "exam-index" };
    expect(operationFor(withExam, classifyRow(withExam), "示范大学", new Map())).toEqual({
      op: "exam",
      row: { id: "rec1", examNumberIndex: "exam-index" },
    });
  });

  it("held fields stay and become conflicts; the rest is applied with history and version guard", async () => {
    const org = emptyOrg();
    const before = await validRow();
    const after = await validRow({ name: "张三丰", status: "休学" });
    const m = { ...matchRow(after, stored(before, org), org), held: new Set(["status"]) };
    const decision = classifyRow(m);
    expect(decision).toEqual({
      kind: "update",
      applied: [{ field: "name", before: "张三", after: "张三丰" }],
      conflicts: [{ field: "status", before: "在籍(注册学籍)", after: "休学" }],
    });
    expect(matchInputOf(m, decision)).toMatchObject({
      name: "张三丰",
      recordId: "rec1",
      currentAccountId: "acc1",
    });
    const op = operationFor(m, decision, "示范大学", new Map([[GOOD.studentNumber, null]]));
    expect(op?.op).toBe("update");
    const update = op?.row as RecordUpdate;
    expect(update).toMatchObject({ id: "rec1", expectedVersion: 3 });
    expect(update.values).toMatchObject({ name: "张三丰", status: "在籍(注册学籍)", accountId: null });
    expect(update.history).toEqual([{ field: "name", before: "张三", after: "张三丰" }]);

    const allHeld = { ...m, held: new Set(["name", "status"]) };
    expect(classifyRow(allHeld).kind).toBe("held");
    expect(matchInputOf(allHeld, classifyRow(allHeld))).toBeNull();
  });

  it("a held field named by its column header counts too", async () => {
    const org = emptyOrg();
    const before = await validRow();
    const m = {
      ...matchRow(await validRow({ status: "休学" }), stored(before, org), org),
      held: new Set(["学籍状态"]),
    };
    expect(classifyRow(m).kind).toBe("held");
  });
});

describe("plan accumulator", () => {
  const sinks = () => {
    const issues: PlannedIssue[][] = [];
    const changes: PlannedChange[][] = [];
    return {
      issues,
      changes,
      onIssues: async (batch: PlannedIssue[]) => void issues.push(batch),
      onChanges: async (batch: PlannedChange[]) => void changes.push(batch),
    };
  };

  it("counts rows by kind, lists the first new students, reports conflicts, hands over in batches of 500", async () => {
    const org = emptyOrg();
    const out = sinks();
    const plan = new PlanAccumulator(emptyPlanSummary(org.created, []), out);
    const valid = await validRow();
    const fresh = matchRow(valid, null, org);
    for (let i = 0; i < NEW_LISTED + 5; i++) plan.addDecided(fresh, { kind: "new" });
    for (let i = 0; i < 3; i++)
      plan.addInvalid({
        rowNumber: 9,
        ok: false,
        studentNumber: null,
        issues: [{ field: "name", key: "nameEmpty" }],
      });
    const m: MatchedRow = matchRow(valid, stored(valid, org), org);
    const change = { field: "status" as const, before: "a", after: "b" };
    plan.addDecided(m, { kind: "held", conflicts: [change] });
    plan.addDecided(m, { kind: "update", applied: [change], conflicts: [] });
    plan.addDecided(m, { kind: "unchanged" });
    expect(plan.summary).toMatchObject({
      totalRows: NEW_LISTED + 5 + 3 + 3,
      newRows: NEW_LISTED + 5,
      errorRows: 3,
      conflictRows: 1,
      changedRows: 1,
      unchangedRows: 1,
    });

    await plan.flush();
    expect(out.changes.map((c) => c.length)).toEqual([NEW_LISTED + 1]);
    expect(out.issues).toEqual([]); // 4 issues: below a batch
    await plan.flush(true);
    expect(out.issues.flat().map((i) => i.severity)).toEqual(["error", "error", "error", "conflict"]);
    expect(JSON.parse(out.issues.flat()[0].message)).toEqual({ key: "nameEmpty" });
    expect(JSON.parse(out.issues.flat()[3].message)).toEqual({
      key: "conflict",
      recordId: "rec1",
      before: "a",
      after: "b",
      value: GOOD.status, // the file's value, stored if the registrar takes it
    });
  });

  it("the summary survives the staging file through its schema, and names the units it creates", async () => {
    const org = emptyOrg();
    org.resolve("新学院", "新专业", "新班");
    const summary = emptyPlanSummary(org.created, ["备注"]);
    expect(planSummarySchema.parse(JSON.parse(JSON.stringify(summary)))).toEqual(summary);
    expect(() => planSummarySchema.parse({ ...summary, newRows: "1" })).toThrow();
    expect(jobSummaryOf(summary).created).toMatchObject({
      colleges: ["新学院"],
      majors: [{ college: "新学院", name: "新专业" }],
      counts: { colleges: 1, majors: 1, classGroups: 1 },
    });
  });
});

describe("write stage helpers", () => {
  it("sorts a batch's operations by kind and writes one history row per applied field at the next version", () => {
    const update: RecordUpdate = {
      id: "r1",
      expectedVersion: 4,
      values: {} as RecordUpdate["values"],
      history: [
        { field: "name", before: "a", after: "b" },
        { field: "status", before: "c", after: "d" },
      ],
    };
    const kinds = byKind([
      { op: "exam", row: { id: "r2", examNumberIndex: "x" } },
      { op: "update", row: update },
    ]);
    expect(kinds.inserts).toEqual([]);
    expect(kinds.updates).toEqual([update]);
    expect(kinds.exams).toHaveLength(1);
    const now = new Date("2026-12-01T00:00:00Z");
    const history = historyRows([update], "staff1", now);
    expect(history.map((h) => [h.field, h.recordVersion, h.source, h.changedByStaffId])).toEqual([
      ["name", 5, "import", "staff1"],
      ["status", 5, "import", "staff1"],
    ]);
  });
});
