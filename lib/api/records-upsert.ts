import "server-only";
import { db } from "@/lib/db";
import type { ApiActor } from "@/lib/auth/actor";
import { collegeScope } from "@/lib/auth/policy";
import { fail, fieldFail, ok, type FieldErrors, type Message, type Result } from "@/lib/core/result";
import { parseConflict } from "@/lib/roster-import/decide";
import {
  createRecordsImport,
  getImportJob,
  jobFailure,
  parseJobError,
  runCommit,
  runPreview,
  startCommit,
} from "@/lib/roster-import/jobs";
import { rowsOfRecords } from "@/lib/roster-import/pipeline/rows";
import { apiRecordSchema } from "./schemas";

/**
 * PUT /api/v1/records runs the very pipeline of the registrar's roster import (SPEC §6): the records are fed
 * to it as the rows of a roster (header, then one row per record), preview + commit of an import job, with no
 * file in between. So an API upsert validates
 * exactly like a file (ID check digit, birth date and gender against the ID number, dates, duplicates),
 * creates missing colleges/majors/classes, matches accounts, writes RecordHistory (source "import") and
 * bumps versions, and never overwrites a field an approved correction changed: that field is kept and
 * listed as a conflict for the registrar to decide in the job's report, like any import.
 */
export type ItemIssue = { field: string | null; message: Message };
export type ItemResult = {
  index: number;
  studentNumber: string | null;
  outcome: "created" | "updated" | "unchanged" | "error" | "conflict";
  issues?: ItemIssue[];
};
export type UpsertOutcome = { importJobId: string | null; results: ItemResult[] };

const FIRST_DATA_ROW = 2; // the header is row 1

function issueMessage(stored: string): Message {
  const conflict = parseConflict(stored);
  if (conflict)
    return { key: "import.issues.conflict", params: { before: conflict.before, after: conflict.after } };
  try {
    const { key, params } = JSON.parse(stored) as Message;
    return { key: `import.issues.${key}`, params };
  } catch {
    return { key: stored };
  }
}

/** College names the actor may write records into: a token limited to colleges cannot touch others. */
async function allowedCollegeNames(actor: ApiActor): Promise<Set<string> | "all"> {
  const scope = collegeScope(actor);
  if (scope === "all") return "all";
  const colleges = await db.college.findMany({ where: { id: { in: scope } }, select: { name: true } });
  return new Set(colleges.map((c) => c.name));
}

/** Batches of 学号 kept under SQLite's bound-parameter limit. */
const LOOKUP_CHUNK = 900;

/**
 * 学号 of the call whose record already exists in a college outside the token's scope: writing them would
 * move or overwrite another college's student, whatever college the item names.
 */
async function numbersOutsideScope(actor: ApiActor, numbers: string[]): Promise<Set<string>> {
  const scope = collegeScope(actor);
  const outside = new Set<string>();
  if (scope === "all") return outside;
  for (let i = 0; i < numbers.length; i += LOOKUP_CHUNK) {
    const rows = await db.enrollmentRecord.findMany({
      where: { studentNumber: { in: numbers.slice(i, i + LOOKUP_CHUNK) }, collegeId: { notIn: scope } },
      select: { studentNumber: true },
    });
    for (const row of rows) outside.add(row.studentNumber);
  }
  return outside;
}

export async function upsertRecords(
  actor: ApiActor,
  records: unknown[],
  label: string,
): Promise<Result<UpsertOutcome>> {
  const results: (ItemResult | null)[] = records.map(() => null);
  const accepted: { index: number; row: Record<string, string> }[] = [];
  const allowed = await allowedCollegeNames(actor);
  // Any item outside the token's colleges refuses the whole call (403): nothing is written.
  const refused = { key: "api.records.collegeOutOfScope" };
  const outOfScope: FieldErrors = {};

  records.forEach((raw, index) => {
    const parsed = apiRecordSchema.safeParse(raw);
    if (!parsed.success) {
      const seen = new Set<string>();
      const issues: ItemIssue[] = [];
      for (const issue of parsed.error.issues) {
        const field = issue.path.length ? String(issue.path[0]) : null;
        if (seen.has(String(field))) continue;
        seen.add(String(field));
        issues.push({
          field,
          message: {
            key: issue.code === "invalid_type" ? "api.records.fieldRequired" : "api.records.fieldInvalid",
          },
        });
      }
      const sn =
        typeof raw === "object" && raw && "studentNumber" in raw
          ? String((raw as { studentNumber: unknown }).studentNumber ?? "")
          : "";
      results[index] = { index, studentNumber: sn || null, outcome: "error", issues };
      return;
    }
    const row = { ...parsed.data, department: parsed.data.department ?? "" };
    if (Object.values(row).every((v) => v.trim() === "")) {
      results[index] = {
        index,
        studentNumber: null,
        outcome: "error",
        issues: [{ field: null, message: { key: "api.records.empty" } }],
      };
      return;
    }
    if (allowed !== "all" && !allowed.has(row.college.trim()))
      outOfScope[`records.${index}.college`] = refused;
    accepted.push({ index, row });
  });

  const numbers = accepted.map((a) => a.row.studentNumber.trim());
  // The scope holds for the college a record is in now as well as the one the item names.
  const elsewhere = await numbersOutsideScope(actor, numbers);
  for (const { index, row } of accepted)
    if (elsewhere.has(row.studentNumber.trim())) outOfScope[`records.${index}.studentNumber`] = refused;
  if (Object.keys(outOfScope).length) return fieldFail(outOfScope, refused, "forbidden");

  if (accepted.length === 0) return ok({ importJobId: null, results: results as ItemResult[] });

  const before = new Map(
    (
      await db.enrollmentRecord.findMany({
        where: { studentNumber: { in: numbers } },
        select: { studentNumber: true, version: true },
      })
    ).map((r) => [r.studentNumber, r.version]),
  );

  const created = await createRecordsImport(actor, label, accepted.length);
  if (!created.ok) return created;
  const { jobId } = created.value;
  const rows = rowsOfRecords(accepted.map((a) => a.row));
  await runPreview(jobId, { rows });
  const commit = await startCommit(actor, jobId);
  if (!commit.ok) {
    const job = await getImportJob(actor, jobId);
    const error = parseJobError(job?.error);
    return error ? jobFailure(error) : commit;
  }
  await runCommit(jobId, actor, {}, { rows });
  const job = await getImportJob(actor, jobId);
  if (!job || job.status !== "committed") {
    const error = parseJobError(job?.error);
    return error ? jobFailure(error) : fail("api.records.importFailed");
  }

  const issues = await db.importRowIssue.findMany({
    where: { jobId },
    orderBy: [{ rowNumber: "asc" }, { id: "asc" }],
  });
  const byRow = new Map<number, typeof issues>();
  for (const issue of issues) byRow.set(issue.rowNumber, [...(byRow.get(issue.rowNumber) ?? []), issue]);
  const after = new Map(
    (
      await db.enrollmentRecord.findMany({
        where: { studentNumber: { in: numbers } },
        select: { studentNumber: true, version: true },
      })
    ).map((r) => [r.studentNumber, r.version]),
  );

  accepted.forEach(({ index, row }, position) => {
    const rowIssues = byRow.get(FIRST_DATA_ROW + position) ?? [];
    const studentNumber = row.studentNumber.trim();
    const errors = rowIssues.filter((i) => i.severity === "error");
    const conflicts = rowIssues.filter((i) => i.severity === "conflict");
    const describe = (list: typeof rowIssues): ItemIssue[] =>
      list.map((i) => ({ field: i.field, message: issueMessage(i.message) }));
    if (errors.length) {
      results[index] = {
        index,
        studentNumber: studentNumber || null,
        outcome: "error",
        issues: describe(errors),
      };
    } else if (conflicts.length) {
      results[index] = { index, studentNumber, outcome: "conflict", issues: describe(conflicts) };
    } else {
      const was = before.get(studentNumber);
      const now = after.get(studentNumber);
      const outcome =
        was === undefined ? "created" : now !== undefined && now > was ? "updated" : "unchanged";
      results[index] = { index, studentNumber, outcome };
    }
  });
  return ok({ importJobId: jobId, results: results as ItemResult[] });
}
