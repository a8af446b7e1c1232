import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ListParams } from "@/lib/core/list-params";
import type { QueueRow, QueueSort, Stage } from "@/lib/corrections/queries";
import { formatDateTime } from "@/lib/i18n/format";
import { Badge } from "@/components/ui/Badge";
import { DataTable, Td, Th } from "@/components/ui/Table";
import { SortTh } from "@/components/ui/SortTh";
import { StatusBadge } from "./StatusBadge";

/** The review queue: one row per request, checkbox for bulk actions, link to the one-by-one review. */
export async function QueueTable({
  rows,
  stage,
  basePath,
  filters,
  list,
}: {
  rows: QueueRow[];
  stage: Stage;
  basePath: string;
  /** the queue's filters, kept by the sorting links */
  filters: Record<string, string>;
  list: ListParams<QueueSort>;
}) {
  const t = await getTranslations("corrections.queue");
  const tr = await getTranslations("record");
  if (rows.length === 0) return <p className="p-6 text-sm text-slate-600">{t("empty")}</p>;
  const sort = { basePath, filters, params: list };
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
          <SortTh column="student" label={t("student")} {...sort} />
          <SortTh column="studentNumber" label={t("studentNumber")} {...sort} />
          {stage === "registrar" ? <SortTh column="college" label={t("college")} {...sort} /> : null}
          <SortTh column="class" label={t("class")} {...sort} />
          <Th>{t("fields")}</Th>
          <SortTh column="evidence" label={t("evidence")} className="text-center" {...sort} />
          <SortTh column="createdAt" label={t("createdAt")} {...sort} />
          <SortTh column="status" label={t("status")} {...sort} />
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
