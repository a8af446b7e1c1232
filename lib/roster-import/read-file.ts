import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import Papa from "papaparse";
import type { RawCell } from "./dates";
import { detectEncoding } from "./encoding";
import { inflateGuard, InflateLimitError, inspectZip } from "./zip-guard";

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
 * CSV, streamed: bytes → decoder (encoding detected from the first 64 KB) → papaparse in chunk mode,
 * paused after each chunk until the consumer asks for more (backpressure without a per-row promise).
 * Row numbers count records as a spreadsheet shows them (blank lines included), header = row 1.
 */
async function* readCsv(filePath: string): AsyncGenerator<SheetRow[]> {
  const encoding = detectEncoding(await sampleOf(filePath));
  // Node's own UTF-8 decoder is the fastest path; iconv-lite for the rest. Default 64 KB chunks: papaparse
  // slows down several-fold on 1 MB string chunks.
  const source =
    encoding === "utf8" ? createReadStream(filePath, { encoding: "utf8" }) : createReadStream(filePath);
  const decoded: Readable =
    encoding === "utf8"
      ? source
      : (source.pipe(iconv.decodeStream(encoding, { stripBOM: true })) as unknown as Readable);
  const queue: string[][][] = [];
  let done = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  let parser: Papa.Parser | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  source.on("error", (e) => {
    failure = e;
    signal();
  });
  Papa.parse(
    decoded as unknown as File,
    {
      delimitersToGuess: [",", "\t", ";"],
      skipEmptyLines: false,
      beforeFirstChunk: (chunk: string) => chunk.replace(/^\uFEFF/, ""),
      chunk: (results: Papa.ParseResult<string[]>, p: Papa.Parser) => {
        parser = p;
        queue.push(results.data);
        p.pause();
        signal();
      },
      complete: () => {
        done = true;
        signal();
      },
      error: (e: Error) => {
        failure = e;
        signal();
      },
    } as Papa.ParseLocalConfig<string[], File>,
  );
  let rowNumber = 0;
  try {
    for (;;) {
      const data = queue.shift();
      if (data) {
        const out: SheetRow[] = [];
        for (const cells of data) {
          rowNumber++;
          if (!isBlank(cells)) out.push({ rowNumber, cells });
        }
        if (out.length) yield out;
        continue;
      }
      if (failure) throw failure;
      if (done) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
        (parser as Papa.Parser | null)?.resume();
      });
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
  if ("formula" in value || "sharedFormula" in value)
    return plainCell((value as { result?: ExcelCell }).result ?? null);
  if ("text" in value) return String(value.text);
  return null; // error cells
}

/**
 * XLSX, streamed with exceljs after the central directory passed the zip-bomb checks; every entry is read
 * through the inflate guard (patches/exceljs+4.4.0.patch adds the `guardEntry` hook). First sheet only.
 */
async function* readXlsx(filePath: string): AsyncGenerator<SheetRow[]> {
  const verdict = await inspectZip(filePath);
  if (!verdict.ok) throw new RosterFileError(verdict.reason === "notZip" ? "notXlsx" : "zipBomb");
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
    guardEntry: inflateGuard(verdict.declared),
  } as ExcelJS.stream.xlsx.WorkbookStreamReaderOptions);
  try {
    yield* firstSheet(workbook);
  } catch (error) {
    if (error instanceof InflateLimitError) throw new RosterFileError("unpackTooLarge");
    throw error;
  } finally {
    // stop reading the file at once (an early return or a refusal leaves the stream paused otherwise)
    (workbook as unknown as { stream?: Readable }).stream?.destroy();
  }
}

async function* firstSheet(workbook: ExcelJS.stream.xlsx.WorkbookReader): AsyncGenerator<SheetRow[]> {
  for await (const sheet of workbook) {
    let batch: SheetRow[] = [];
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as ExcelCell[];
      const cells: RawCell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
      if (isBlank(cells)) continue;
      batch.push({ rowNumber: row.number, cells });
      if (batch.length >= 1000) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
    return;
  }
}

/** Every non-blank row of the file in batches, header first, with a hard cap on the number of rows. */
export async function* readRosterBatches(filePath: string, format: RosterFormat): AsyncGenerator<SheetRow[]> {
  let count = 0;
  try {
    for await (const batch of format === "csv" ? readCsv(filePath) : readXlsx(filePath)) {
      count += batch.length;
      if (count > MAX_DATA_ROWS + 1) throw new RosterFileError("tooManyRows", { max: MAX_DATA_ROWS });
      yield batch;
    }
  } catch (error) {
    if (error instanceof RosterFileError) throw error;
    console.error("roster file unreadable", error);
    throw new RosterFileError(format === "xlsx" ? "notXlsx" : "unreadable");
  }
}

/** Row by row (small files: graduation-lock lists). */
export async function* readRosterRows(filePath: string, format: RosterFormat): AsyncGenerator<SheetRow> {
  for await (const batch of readRosterBatches(filePath, format)) yield* batch;
}
