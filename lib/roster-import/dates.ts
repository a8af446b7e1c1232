import { isRealDate } from "@/lib/identity/id-number";

/** A cell as the readers hand it over: text from CSV; text, number or date from XLSX. */
export type RawCell = string | number | Date | null | undefined;

/** One row of a roster file: its number as a spreadsheet shows it (header = 1) and its cells from column A. */
export type SheetRow = { rowNumber: number; cells: RawCell[] };

/** A row with no value in any cell (spaces count as none): the readers leave it out. */
export const isBlankRow = (cells: readonly RawCell[]) =>
  cells.every((c) => c === null || c === undefined || (typeof c === "string" && c.trim() === ""));

const DATE_TEXT = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
// Excel's day 0 is 1899-12-30 (the 1900 leap-year bug folded in); serials 1–2958465 are 1900–9999.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const pad = (n: number) => String(n).padStart(2, "0");

function fromParts(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || !isRealDate(year, month, day)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * A roster date as YYYY-MM-DD, or null for "日期格式有误". Accepts YYYY-MM-DD and YYYY/MM/DD (one-digit
 * month and day too, as Excel writes them), a date cell of an XLSX file, or an Excel serial number in an
 * XLSX number cell. Anything else — 20230901, 01/09/2023, 2023年9月1日 — is refused rather than guessed.
 */
export function parseRosterDate(cell: RawCell): string | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    return fromParts(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === "number") {
    if (!Number.isInteger(cell) || cell < 1 || cell > 2_958_465) return null;
    const d = new Date(EXCEL_EPOCH_MS + cell * DAY_MS);
    return fromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  const text = (cell ?? "").trim();
  const m = DATE_TEXT.exec(text);
  return m ? fromParts(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** A non-date cell as trimmed text (numbers without exponent or trailing ".0"). */
export function cellText(cell: RawCell): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
  if (typeof cell === "number") {
    return Number.isSafeInteger(cell)
      ? String(cell)
      : cell.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
  }
  return cell.trim();
}
