import { analyseHeader, type RosterField } from "../columns";
import type { RawCell } from "../dates";
import { RosterFileError, type SheetRow } from "../read-file";
import { validateRow, type RosterRow, type RowIssue } from "../validate";

/** What the header row says: where each field is, the optional 考生号 column, the columns ignored. */
export type RosterHeader = {
  positions: Record<RosterField, number>;
  examNumberAt: number | null;
  ignoredColumns: string[];
};

export type ValidRow = { rowNumber: number; ok: true; row: RosterRow };
export type InvalidRow = { rowNumber: number; ok: false; studentNumber: string | null; issues: RowIssue[] };
/** A data row after validation: normalised, or the issues that make it an error row. */
export type CheckedRow = ValidRow | InvalidRow;

/** The header row's meaning; a file missing a column or naming one twice is refused as a whole. */
export function headerOf(cells: readonly RawCell[]): RosterHeader {
  const header = analyseHeader(cells.map((c) => (typeof c === "string" ? c : String(c ?? ""))));
  if (header.ok)
    return { positions: header.positions, examNumberAt: header.examNumber, ignoredColumns: header.ignored };
  const missing = header.missing.length > 0;
  throw new RosterFileError(missing ? "missingColumns" : "duplicateColumns", {
    columns: (missing ? header.missing : header.duplicated).join("、"),
  });
}

/**
 * Splits a roster into its header (the first row) and the data rows after it, read from the same stream;
 * null for a file without any row.
 */
export async function splitHeader(
  rows: AsyncIterable<SheetRow>,
): Promise<{ header: RosterHeader; data: AsyncIterable<SheetRow> } | null> {
  const iterator = rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return null;
  try {
    return { header: headerOf(first.value.cells), data: { [Symbol.asyncIterator]: () => iterator } };
  } catch (error) {
    await iterator.return?.();
    throw error;
  }
}

/** 学号 seen so far in the file and the row each first appeared in. */
export class FirstRows {
  private readonly rows = new Map<string, number>();

  /** The row that already holds this 学号 (the current one is then the duplicate), else records it. */
  claim(studentNumber: string, rowNumber: number): number | undefined {
    const first = this.rows.get(studentNumber);
    if (first === undefined) this.rows.set(studentNumber, rowNumber);
    return first;
  }
}

/** Validates one data row; a 学号 already used by an earlier row makes it an error naming that row. */
export function checkRow(
  { rowNumber, cells }: SheetRow,
  header: RosterHeader,
  firstRows: FirstRows,
  today: Date,
): CheckedRow {
  const result = validateRow(cells, header.positions, today, header.examNumberAt);
  const studentNumber = result.ok ? result.row.studentNumber : result.studentNumber;
  const first = studentNumber ? firstRows.claim(studentNumber, rowNumber) : undefined;
  if (result.ok && first === undefined) return { rowNumber, ok: true, row: result.row };
  const issues = result.ok ? [] : result.issues;
  if (first !== undefined)
    issues.push({ field: "studentNumber", key: "duplicateStudentNumber", params: { row: first } });
  return { rowNumber, ok: false, studentNumber, issues };
}

/** The validation stage: every data row, checked in file order. */
export async function* checkRows(
  data: AsyncIterable<SheetRow>,
  header: RosterHeader,
  today: Date,
): AsyncGenerator<CheckedRow> {
  const firstRows = new FirstRows();
  for await (const row of data) yield checkRow(row, header, firstRows, today);
}
