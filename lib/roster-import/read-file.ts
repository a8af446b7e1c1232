import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import Papa from "papaparse";
import type { RawCell } from "./dates";
import { detectEncoding } from "./encoding";
import { inspectZip } from "./zip-guard";

export type RosterFormat = "csv" | "xlsx";
/** Rows beyond this are refused: SPEC §6 sizes rosters at 200,000 rows. */
export const MAX_DATA_ROWS = 250_000;

export type SheetRow = { rowNumber: number; cells: RawCell[] };

/** Expected, user-facing reasons a file cannot be read at all (i18n keys in "import.errors"). */
export class RosterFileError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

export function formatOf(fileName: string): RosterFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) return "csv";
  if (lower.endsWith(".xlsx")) return "xlsx";
  return null;
}

async function sampleOf(filePath: string, bytes = 64 * 1024): Promise<Buffer> {
  const file = await open(filePath, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await file.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

const isBlank = (cells: readonly RawCell[]) =>
  cells.every((c) => c === null || c === undefined || (typeof c === "string" && c.trim() === ""));

/**
 * CSV, streamed: bytes → decoder (encoding detected from the first 64 KB) → papaparse's Node stream.
 * Row numbers count records as a spreadsheet shows them (blank lines included), header = row 1.
 */
async function* readCsv(filePath: string): AsyncGenerator<SheetRow> {
  const encoding = detectEncoding(await sampleOf(filePath));
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimitersToGuess: [",", "\t", ";"], skipEmptyLines: false });
  const source = createReadStream(filePath, { highWaterMark: 256 * 1024 });
  const decoded = source.pipe(iconv.decodeStream(encoding, { stripBOM: true })) as unknown as Readable;
  decoded.pipe(parser);
  const fail = (error: Error) => parser.destroy(error);
  source.on("error", fail);
  decoded.on("error", fail);
  let rowNumber = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      rowNumber++;
      if (isBlank(cells)) continue;
      yield { rowNumber, cells };
    }
  } finally {
    source.destroy();
  }
}

type ExcelCell = ExcelJS.CellValue;

function plainCell(value: ExcelCell): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || value instanceof Date) return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) return plainCell((value as { result?: ExcelCell }).result ?? null);
  if ("text" in value) return String(value.text);
  return null; // error cells
}

/** XLSX, streamed with exceljs after the central directory passed the zip-bomb checks. First sheet only. */
async function* readXlsx(filePath: string): AsyncGenerator<SheetRow> {
  const verdict = await inspectZip(filePath);
  if (!verdict.ok) throw new RosterFileError(verdict.reason === "notZip" ? "notXlsx" : "zipBomb");
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  for await (const sheet of workbook) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as ExcelCell[];
      const cells: RawCell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
      if (isBlank(cells)) continue;
      yield { rowNumber: row.number, cells };
    }
    return;
  }
}

/** Every non-blank row of the file, header first, with a hard cap on the number of rows. */
export async function* readRosterRows(filePath: string, format: RosterFormat): AsyncGenerator<SheetRow> {
  let count = 0;
  try {
    for await (const row of format === "csv" ? readCsv(filePath) : readXlsx(filePath)) {
      if (++count > MAX_DATA_ROWS + 1) throw new RosterFileError("tooManyRows", { max: MAX_DATA_ROWS });
      yield row;
    }
  } catch (error) {
    if (error instanceof RosterFileError) throw error;
    throw new RosterFileError(format === "xlsx" ? "notXlsx" : "unreadable");
  }
}
