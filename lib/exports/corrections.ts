import "server-only";
import { createTranslator } from "next-intl";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, recordRelationScopeWhere } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { stagePermission, statusWhere, type Stage } from "@/lib/corrections/queries";
import { formatDateTime } from "@/lib/i18n/format";
import { loadMessages } from "@/lib/i18n/messages";
import { maskIdNumber } from "@/lib/identity/id-number";
import { PHOTO_VALUE } from "@/lib/records/fields";
import { openValue } from "@/lib/records/view";
import { audit } from "@/lib/security/audit";
import { exportFileName, tableStream, type ExportColumn, type ExportFormat } from "./table-stream";

/** 勘误汇总 filters, from the query string (bad values fall back to "all"). */
export const correctionsExportFilterSchema = z.object({
  collegeId: z.string().max(40).optional().catch(undefined),
  /** one status, "pending" (the stage's queue) or "all" */
  status: z.string().max(30).catch("all").default("all"),
  campaignId: z.string().max(40).optional().catch(undefined),
});
export type CorrectionsExportFilter = z.infer<typeof correctionsExportFilterSchema>;

/** One exported row: one item (field) of one request, with the request's decisions. */
export type CorrectionExportRow = {
  studentNumber: string;
  name: string;
  idMasked: string;
  college: string;
  campaign: string;
  requestId: string;
  status: string;
  route: string;
  field: string;
  oldValue: string;
  requestedValue: string;
  reason: string;
  collegeDecision: string;
  collegeReason: string;
  collegeDecidedAt: string;
  collegeReviewer: string;
  registrarDecision: string;
  registrarReason: string;
  registrarDecidedAt: string;
  registrarReviewer: string;
  provincialRef: string;
  submittedAt: string;
};

const COLUMNS: ExportColumn<CorrectionExportRow>[] = [
  { header: "学号", width: 16, value: (r) => r.studentNumber },
  { header: "姓名", width: 12, value: (r) => r.name },
  { header: "证件号码", width: 22, value: (r) => r.idMasked },
  { header: "分院", width: 24, value: (r) => r.college },
  { header: "自查批次", width: 24, value: (r) => r.campaign },
  { header: "申请编号", width: 28, value: (r) => r.requestId },
  { header: "申请状态", width: 18, value: (r) => r.status },
  { header: "审核途径", width: 10, value: (r) => r.route },
  { header: "项目", width: 16, value: (r) => r.field },
  { header: "原信息", width: 24, value: (r) => r.oldValue },
  { header: "申请更正为", width: 24, value: (r) => r.requestedValue },
  { header: "理由", width: 30, value: (r) => r.reason },
  { header: "学院意见", width: 10, value: (r) => r.collegeDecision },
  { header: "学院说明", width: 24, value: (r) => r.collegeReason },
  { header: "学院审核时间", width: 18, value: (r) => r.collegeDecidedAt },
  { header: "学院审核人", width: 14, value: (r) => r.collegeReviewer },
  { header: "学籍管理科意见", width: 12, value: (r) => r.registrarDecision },
  { header: "学籍管理科说明", width: 24, value: (r) => r.registrarReason },
  { header: "学籍管理科审核时间", width: 18, value: (r) => r.registrarDecidedAt },
  { header: "学籍管理科审核人", width: 14, value: (r) => r.registrarReviewer },
  { header: "省级文号", width: 20, value: (r) => r.provincialRef },
  { header: "提交时间", width: 18, value: (r) => r.submittedAt },
];

const include = {
  items: { orderBy: { id: "asc" } },
  campaign: { select: { name: true } },
  record: {
    select: { studentNumber: true, name: true, idMasked: true, college: { select: { name: true } } },
  },
} as const satisfies Prisma.CorrectionRequestInclude;

function whereOf(actor: Actor, stage: Stage, f: CorrectionsExportFilter): Prisma.CorrectionRequestWhereInput {
  return {
    ...recordRelationScopeWhere(actor),
    ...statusWhere(stage, f.status),
    // the chosen college narrows the actor's scope (AND), never replaces it
    AND: [f.collegeId ? { collegeId: f.collegeId } : {}, f.campaignId ? { campaignId: f.campaignId } : {}],
  };
}

/**
 * The requests in chunks (createdAt, id order, resumed after the last one: no OFFSET), turned into one
 * row per item. ID-number values stay masked, photo items read as words; reviewers by display name.
 */
async function* exportRows(
  where: Prisma.CorrectionRequestWhereInput,
  chunkSize: number,
): AsyncGenerator<CorrectionExportRow[]> {
  const t = createTranslator({ locale: "zh-CN", messages: loadMessages("zh-CN") }) as unknown as (
    key: string,
  ) => string;
  const value = (field: string, stored: string) => {
    if (field === "admissionPhoto")
      return stored === PHOTO_VALUE.requested ? t("record.photo.requested") : t("record.photo.current");
    const open = openValue(stored);
    if (field === "idNumber") return maskIdNumber(open);
    return open === "" ? t("record.empty") : open;
  };
  const time = (d: Date | null) => (d ? formatDateTime(d) : "");
  let cursor: string | undefined;
  for (;;) {
    const requests = await db.correctionRequest.findMany({
      where,
      include,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: chunkSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (requests.length === 0) return;
    const reviewerIds = [
      ...new Set(
        requests
          .flatMap((r) => [r.collegeDecidedById, r.registrarDecidedById])
          .filter((v): v is string => !!v),
      ),
    ];
    const reviewers = new Map(
      (
        await db.staffUser.findMany({
          where: { id: { in: reviewerIds } },
          select: { id: true, displayName: true },
        })
      ).map((s) => [s.id, s.displayName]),
    );
    const name = (id: string | null) => (id ? (reviewers.get(id) ?? "") : "");
    yield requests.flatMap((r) =>
      r.items.map((i) => ({
        studentNumber: r.record.studentNumber,
        name: r.record.name,
        idMasked: r.record.idMasked,
        college: r.record.college.name,
        campaign: r.campaign?.name ?? "",
        requestId: r.id,
        status: t(`corrections.status.${r.status}`),
        route: t(`corrections.route.${r.route}`),
        field: t(`record.fields.${i.field}`),
        oldValue: value(i.field, i.currentValue),
        requestedValue: value(i.field, i.requestedValue),
        reason: i.reason,
        collegeDecision: t(`corrections.decision.${i.collegeDecision}`),
        collegeReason: i.collegeReason ?? "",
        collegeDecidedAt: time(r.collegeDecidedAt),
        collegeReviewer: name(r.collegeDecidedById),
        registrarDecision:
          i.collegeDecision === "accepted" ? t(`corrections.decision.${i.registrarDecision}`) : "",
        registrarReason: i.registrarReason ?? "",
        registrarDecidedAt: time(r.registrarDecidedAt),
        registrarReviewer: name(r.registrarDecidedById),
        provincialRef: r.provincialRef ?? "",
        submittedAt: time(r.createdAt),
      })),
    );
    if (requests.length < chunkSize) return;
    cursor = requests[requests.length - 1].id;
  }
}

/**
 * 勘误汇总: the correction requests the actor may review at `stage` (inside their colleges), narrowed by
 * college, status and campaign, one row per field, as XLSX or CSV. Audited before the first byte leaves.
 */
export async function exportCorrections(
  actor: Actor,
  stage: Stage,
  filter: CorrectionsExportFilter,
  format: ExportFormat,
  chunkSize = 500,
): Promise<ReadableStream<Uint8Array>> {
  assertCan(actor, stagePermission(stage));
  await db.$transaction((tx) =>
    audit(tx, actor, {
      action: "corrections.export",
      targetType: "CorrectionRequest",
      after: { stage, format, filter },
    }),
  );
  return tableStream(COLUMNS, exportRows(whereOf(actor, stage, filter), chunkSize), format, "勘误汇总");
}

export function correctionsFileName(format: ExportFormat, now: Date = new Date()): string {
  return exportFileName("勘误汇总", "更正申请", format, now);
}
