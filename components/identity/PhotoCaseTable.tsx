import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/format";
import type { IdentityOverview } from "@/lib/identity-cases/overview";
import { CaseStatusBadge } from "./CaseStatusBadge";
import { StackedTable } from "@/components/ui/Table";

/** The review log of SPEC §3.1: 证件号码, 创建日期, 日志状态, 审核失败原因 (and links to the own photos). */
export async function PhotoCaseTable({ cases }: { cases: IdentityOverview["photoCases"] }) {
  const t = await getTranslations("identity");
  if (cases.length === 0) return <p className="text-sm text-slate-600">{t("photos.empty")}</p>;
  const columns = [
    { key: "idNumber", label: t("photos.columns.idNumber") },
    { key: "createdAt", label: t("photos.columns.createdAt") },
    { key: "status", label: t("photos.columns.status") },
    { key: "reason", label: t("photos.columns.reason"), className: "cell-wrap" },
    { key: "photos", label: t("photos.columns.photos") },
  ];
  const rows = cases.map((c) => ({
    id: c.id,
    cells: {
      idNumber: <span className="font-mono">{c.idMasked}</span>,
      createdAt: formatDate(c.createdAt),
      status: <CaseStatusBadge status={c.status} />,
      reason: c.rejectReason
        ? c.rejectReason.note
          ? t("reasonWithNote", {
              reason: t(`rejectReasons.${c.rejectReason.code}`),
              note: c.rejectReason.note,
            })
          : t(`rejectReasons.${c.rejectReason.code}`)
        : "—",
      photos: c.hasPhotos ? (
        <span className="flex gap-3">
          <a
            className="font-medium text-brand-700 underline underline-offset-4"
            href={`/api/identity-photos/${c.id}/front`}
          >
            {t("photos.viewFront")}
          </a>
          <a
            className="font-medium text-brand-700 underline underline-offset-4"
            href={`/api/identity-photos/${c.id}/back`}
          >
            {t("photos.viewBack")}
          </a>
        </span>
      ) : (
        <span className="text-slate-500">{t("photos.deleted")}</span>
      ),
    },
  }));
  return <StackedTable caption={t("photos.tableTitle")} columns={columns} rows={rows} />;
}
