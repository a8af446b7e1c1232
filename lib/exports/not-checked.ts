import "server-only";
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { audit } from "@/lib/security/audit";
import { notCheckedChunks, type NotCheckedFilter, type NotCheckedRow } from "@/lib/progress/not-checked";
import type { CampaignRef } from "@/lib/progress/campaign";

export type ExportFormat = "xlsx" | "csv";

/** Columns of the 未查名单 export (Chinese headers: the file goes to college secretaries and counsellors). */
const COLUMNS: { header: string; width: number; value: (r: NotCheckedRow) => string }[] = [
  { header: "学号", width: 16, value: (r) => r.studentNumber },
  { header: "姓名", width: 12, value: (r) => r.name },
  { header: "性别", width: 6, value: (r) => r.gender },
  { header: "分院", width: 24, value: (r) => r.college },
  { header: "专业", width: 24, value: (r) => r.major },
  { header: "班级", width: 18, value: (r) => r.classGroup },
  { header: "证件号码", width: 22, value: (r) => r.idMasked },
  { header: "是否注册", width: 10, value: (r) => (r.registered ? "已注册" : "未注册") },
  { header: "是否查看", width: 10, value: (r) => (r.viewed ? "已查看" : "未查看") },
  { header: "是否报错", width: 10, value: (r) => (r.reported ? "已报错" : "") },
];

const csvCell = (s: string) => {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s; // no formulas from data (CSV injection)
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export function exportFileName(campaign: CampaignRef, format: ExportFormat, now: Date = new Date()): string {
  const stamp = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace(/[-:T]/g, "");
  return `未查名单-${campaign.name}-${stamp}.${format}`;
}

/**
 * The 未查名单 as a stream (xlsx through exceljs's streaming writer, or CSV with a BOM so Excel reads it as
 * UTF-8), read from the database in chunks as the download takes them: a 20,000-row list never sits in
 * memory, and a slow reader holds the database reads back. The export is audited
 * (who exported which list) before the first byte leaves.
 */
export async function exportNotChecked(
  actor: Actor,
  campaign: CampaignRef,
  filter: Omit<NotCheckedFilter, "page">,
  format: ExportFormat,
): Promise<ReadableStream<Uint8Array>> {
  assertCan(actor, "notChecked.export");
  await db.$transaction((tx) =>
    audit(tx, actor, {
      action: "notChecked.export",
      targetType: "Campaign",
      targetId: campaign.id,
      after: { format, filter },
    }),
  );
  const rows = notCheckedChunks(actor, campaign, filter);
  const node = format === "csv" ? Readable.from(csvLines(rows)) : xlsxStream(rows);
  return Readable.toWeb(node) as ReadableStream<Uint8Array>;
}

async function* csvLines(chunks: AsyncIterable<NotCheckedRow[]>): AsyncGenerator<Buffer> {
  yield Buffer.from("\uFEFF" + COLUMNS.map((c) => c.header).join(",") + "\r\n");
  for await (const chunk of chunks) {
    yield Buffer.from(
      chunk.map((r) => COLUMNS.map((c) => csvCell(c.value(r))).join(",")).join("\r\n") + "\r\n",
    );
  }
}

function xlsxStream(chunks: AsyncIterable<NotCheckedRow[]>): PassThrough {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false, // no cell styles are written: skips exceljs's per-cell style bookkeeping
  });
  const sheet = workbook.addWorksheet("未查名单", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  (async () => {
    for await (const chunk of chunks) {
      for (const r of chunk) sheet.addRow(COLUMNS.map((c) => c.value(r))).commit();
      // exceljs writes without waiting for the reader: read the next chunk only once a slow download
      // has taken what is buffered, so memory stays flat however long the list.
      if (out.writableNeedDrain) await once(out, "drain");
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error("export failed")));
  return out;
}
