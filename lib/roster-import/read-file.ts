import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { Readable } from "node:stream";
import iconv from "iconv-lite";
import Papa from "papaparse";
import { isBlankRow, type SheetRow } from "./dates";
import { detectEncoding } from "./encoding";
import { readFirstSheet, XlsxLimitError } from "./xlsx-sheet";
import { InflateLimitError, inspectZip } from "./zip-guard";

export type RosterFormat = "csv" | "xlsx";
/** Rows beyond this are refused: SPEC §6 sizes rosters at 200,000 rows. */
export const MAX_DATA_ROWS = 250_000;

export type { SheetRow } from "./dates";

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
          if (!isBlankRow(cells)) out.push({ rowNumber, cells });
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

/**
 * XLSX, streamed after the central directory passed the zip-bomb checks (first sheet only; every part read
 * through the inflate guard: see xlsx-sheet.ts).
 */
async function* readXlsx(filePath: string): AsyncGenerator<SheetRow[]> {
  const verdict = await inspectZip(filePath);
  if (!verdict.ok) throw new RosterFileError(verdict.reason === "notZip" ? "notXlsx" : "zipBomb");
  try {
    yield* readFirstSheet(filePath, verdict.declared);
  } catch (error) {
    if (error instanceof InflateLimitError) throw new RosterFileError("unpackTooLarge");
    if (error instanceof XlsxLimitError) throw new RosterFileError("zipBomb");
    throw error;
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
