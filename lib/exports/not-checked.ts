import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { audit } from "@/lib/security/audit";
import { notCheckedChunks, type NotCheckedFilter, type NotCheckedRow } from "@/lib/progress/not-checked";
import type { CampaignRef } from "@/lib/progress/campaign";
import {
  exportFileName as tableFileName,
  tableStream,
  type ExportColumn,
  type ExportFormat,
} from "./table-stream";

export type { ExportFormat };

/** Columns of the 未查名单 export (Chinese headers: the file goes to college secretaries and counsellors). */
const COLUMNS: ExportColumn<NotCheckedRow>[] = [
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

export function exportFileName(campaign: CampaignRef, format: ExportFormat, now: Date = new Date()): string {
  return tableFileName("未查名单", campaign.name, format, now);
}

/**
 * The 未查名单 as a stream (lib/exports/table-stream.ts), read from the database in chunks as the download
 * takes them: a 20,000-row list never sits in memory. The export is audited
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
  return tableStream(COLUMNS, notCheckedChunks(actor, campaign, filter), format, "未查名单");
}
