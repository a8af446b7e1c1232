import "server-only";
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { csvCell } from "@/lib/core/csv";
import { CONTENT_TYPES } from "@/lib/core/download";

export type ExportFormat = "xlsx" | "csv";

/** One column of a downloaded table: its (Chinese) header, the XLSX width and how a row fills it. */
export type ExportColumn<T> = { header: string; width: number; value: (row: T) => string };

export const EXPORT_CONTENT_TYPES = CONTENT_TYPES;

/** `<title>-<label>-<yyyyMMddHHmm Beijing time>.<format>`, the name staff see in their downloads. */
export function exportFileName(
  title: string,
  label: string,
  format: ExportFormat,
  now: Date = new Date(),
): string {
  const stamp = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace(/[-:T]/g, "");
  return `${title}-${label}-${stamp}.${format}`;
}

/**
 * Rows read chunk by chunk as the download takes them, written as XLSX (exceljs's streaming writer) or CSV
 * (with a BOM so Excel reads UTF-8): a long list never sits in memory, and a slow reader holds the
 * database reads back.
 */
export function tableStream<T>(
  columns: readonly ExportColumn<T>[],
  chunks: AsyncIterable<T[]>,
  format: ExportFormat,
  sheetName: string,
): ReadableStream<Uint8Array> {
  const node =
    format === "csv" ? Readable.from(csvLines(columns, chunks)) : xlsxStream(columns, chunks, sheetName);
  return Readable.toWeb(node) as ReadableStream<Uint8Array>;
}

async function* csvLines<T>(
  columns: readonly ExportColumn<T>[],
  chunks: AsyncIterable<T[]>,
): AsyncGenerator<Buffer> {
  yield Buffer.from("\uFEFF" + columns.map((c) => c.header).join(",") + "\r\n");
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    yield Buffer.from(
      chunk.map((r) => columns.map((c) => csvCell(c.value(r))).join(",")).join("\r\n") + "\r\n",
    );
  }
}

function xlsxStream<T>(
  columns: readonly ExportColumn<T>[],
  chunks: AsyncIterable<T[]>,
  sheetName: string,
): PassThrough {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false, // no cell styles are written: skips exceljs's per-cell style bookkeeping
  });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  (async () => {
    for await (const chunk of chunks) {
      for (const r of chunk) sheet.addRow(columns.map((c) => c.value(r))).commit();
      // exceljs writes without waiting for the reader: read the next chunk only once a slow download
      // has taken what is buffered, so memory stays flat however long the list.
      if (out.writableNeedDrain) await once(out, "drain");
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error("export failed")));
  return out;
}
