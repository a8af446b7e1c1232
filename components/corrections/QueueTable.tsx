import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { QueueRow, Stage } from "@/lib/corrections/queries";
import { formatDateTime } from "@/lib/i18n/format";
import { Badge } from "@/components/ui/Badge";
import { DataTable, Td, Th } from "@/components/ui/Table";
import { StatusBadge } from "./StatusBadge";

/** The review queue: one row per request, checkbox for bulk actions, link to the one-by-one review. */
export async function QueueTable({
  rows,
  stage,
  basePath,
}: {
  rows: QueueRow[];
  stage: Stage;
  basePath: string;
}) {
  const t = await getTranslations("corrections.queue");
  const tr = await getTranslations("record");
  if (rows.length === 0) return <p className="p-6 text-sm text-slate-600">{t("empty")}</p>;
  const actionable = (r: QueueRow) =>
    stage === "college"
      ? r.status === "submitted"
      : r.status === "college_confirmed" || r.status === "provincial_pending";
  return (
    <DataTable caption={t(stage === "college" ? "collegeTitle" : "registrarTitle")} stack framed>
      <thead>
        <tr>
          <Th className="w-10">
            <span className="sr-only">{t("select")}</span>
          </Th>
          <Th>{t("student")}</Th>
          <Th>{t("studentNumber")}</Th>
          {stage === "registrar" ? <Th>{t("college")}</Th> : null}
          <Th>{t("class")}</Th>
          <Th>{t("fields")}</Th>
          <Th className="text-center">{t("evidence")}</Th>
          <Th>{t("createdAt")}</Th>
          <Th>{t("status")}</Th>
          <Th>
            <span className="sr-only">{t("open")}</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-request={r.id}>
            <Td hideWhenStacked={!actionable(r)} label={t("select")}>
              {actionable(r) ? (
                <input
                  type="checkbox"
                  name="ids"
                  value={r.id}
                  aria-label={`${t("select")} ${r.studentName} ${r.studentNumber}`}
                  className="size-4 accent-brand-700"
                />
              ) : null}
            </Td>
            <Td label={t("student")} className="font-medium text-ink">
              {r.studentName}
            </Td>
            <Td label={t("studentNumber")} className="font-mono text-xs">
              {r.studentNumber}
            </Td>
            {stage === "registrar" ? <Td label={t("college")}>{r.collegeName}</Td> : null}
            <Td label={t("class")}>{r.className}</Td>
            <Td label={t("fields")} wrap>
              {r.fields.map((f) => tr(`fields.${f}`)).join("、")}
              {r.highRisk || r.route === "provincial" ? (
                <span className="mt-1 flex flex-wrap gap-1">
                  {r.highRisk ? <Badge tone="warning">{t("highRisk")}</Badge> : null}
                  {r.route === "provincial" ? <Badge tone="brand">{t("provincial")}</Badge> : null}
                </span>
              ) : null}
            </Td>
            <Td label={t("evidence")} num className="sm:text-center">
              {r.evidenceCount}
            </Td>
            <Td label={t("createdAt")} className="text-slate-600 tabular-nums">
              {formatDateTime(r.createdAt)}
            </Td>
            <Td label={t("status")}>
              <StatusBadge status={r.status} />
            </Td>
            <Td className="cell-action">
              <Link
                href={`${basePath}/${r.id}`}
                className="font-semibold whitespace-nowrap text-brand-700 underline-offset-4 hover:underline"
              >
                {actionable(r) ? t("open") : t("view")}
              </Link>
            </Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
