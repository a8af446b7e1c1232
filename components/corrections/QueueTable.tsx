import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { QueueRow, Stage } from "@/lib/corrections/queries";
import { formatDateTime } from "@/lib/i18n/format";
import { Badge } from "@/components/ui/Badge";
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
    <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200">
      <table className="min-w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr>
            <th scope="col" className="w-10 px-3 py-3">
              <span className="sr-only">{t("select")}</span>
            </th>
            <th scope="col" className="px-3 py-3">
              {t("student")}
            </th>
            <th scope="col" className="px-3 py-3">
              {t("studentNumber")}
            </th>
            {stage === "registrar" ? (
              <th scope="col" className="px-3 py-3">
                {t("college")}
              </th>
            ) : null}
            <th scope="col" className="px-3 py-3">
              {t("class")}
            </th>
            <th scope="col" className="px-3 py-3">
              {t("fields")}
            </th>
            <th scope="col" className="px-3 py-3">
              {t("evidence")}
            </th>
            <th scope="col" className="px-3 py-3">
              {t("createdAt")}
            </th>
            <th scope="col" className="px-3 py-3">
              {t("status")}
            </th>
            <th scope="col" className="px-3 py-3">
              <span className="sr-only">{t("open")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((r) => (
            <tr key={r.id} data-request={r.id}>
              <td className="px-3 py-3">
                {actionable(r) ? (
                  <input
                    type="checkbox"
                    name="ids"
                    value={r.id}
                    aria-label={`${t("select")} ${r.studentName} ${r.studentNumber}`}
                    className="size-4 accent-brand-700"
                  />
                ) : null}
              </td>
              <td className="px-3 py-3 font-medium text-ink">{r.studentName}</td>
              <td className="px-3 py-3 font-mono text-xs">{r.studentNumber}</td>
              {stage === "registrar" ? <td className="px-3 py-3">{r.collegeName}</td> : null}
              <td className="px-3 py-3">{r.className}</td>
              <td className="max-w-64 px-3 py-3">
                {r.fields.map((f) => tr(`fields.${f}`)).join("、")}
                <span className="mt-1 flex flex-wrap gap-1">
                  {r.highRisk ? <Badge tone="warning">{t("highRisk")}</Badge> : null}
                  {r.route === "provincial" ? <Badge tone="brand">{t("provincial")}</Badge> : null}
                </span>
              </td>
              <td className="px-3 py-3 text-center">{r.evidenceCount}</td>
              <td className="px-3 py-3 whitespace-nowrap text-slate-600">{formatDateTime(r.createdAt)}</td>
              <td className="px-3 py-3">
                <StatusBadge status={r.status} />
              </td>
              <td className="px-3 py-3">
                <Link
                  href={`${basePath}/${r.id}`}
                  className="font-semibold whitespace-nowrap text-brand-700 underline-offset-4 hover:underline"
                >
                  {actionable(r) ? t("open") : t("view")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
