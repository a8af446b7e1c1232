import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/current";
import { formatDateTime } from "@/lib/i18n/format";
import { listSupportQueue } from "@/lib/identity-cases/support-queue";
import { Badge } from "@/components/ui/Badge";
import { Card, PageHeader } from "@/components/ui/Card";
import { CaseStatusBadge } from "@/components/identity/CaseStatusBadge";
import { QueueTable } from "@/components/support/QueueTable";

export async function generateMetadata() {
  const t = await getTranslations("support");
  return { title: t("title") };
}

/** 客服审核 (SPEC §7): the identity-case queue with the 3-working-day promise highlighted. */
export default async function SupportPage() {
  const actor = await requireStaff("identityCase.review");
  const t = await getTranslations("support");
  const queue = await listSupportQueue(actor);
  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />
      <div className="mb-6 flex flex-wrap items-center gap-3 rounded-xl bg-brand-900 px-5 py-4 text-white">
        <p className="font-semibold">{t("promise")}</p>
        <span className="ml-auto flex gap-2">
          <Badge tone="brand">{t("summary", { count: queue.items.length })}</Badge>
          {queue.overdue > 0 ? (
            <Badge tone="danger">{t("overdueSummary", { count: queue.overdue })}</Badge>
          ) : null}
        </span>
      </div>
      <Card className="p-0 sm:p-0" aria-labelledby="queue-title">
        <h2 id="queue-title" className="px-5 pt-5 text-base font-semibold text-ink">
          {t("queueTitle")}
        </h2>
        <div className="overflow-x-auto p-2">
          {queue.items.length === 0 ? (
            <p className="p-4 text-sm text-slate-600">{t("empty")}</p>
          ) : (
            <QueueTable items={queue.items} />
          )}
        </div>
      </Card>
      {queue.recent.length > 0 ? (
        <Card className="mt-6" aria-labelledby="recent-title">
          <h2 id="recent-title" className="mb-3 text-base font-semibold text-ink">
            {t("recentTitle")}
          </h2>
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs font-semibold text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("columns.kind")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("columns.name")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("columns.idNumber")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("columns.status")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("columns.decidedAt")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("columns.decidedBy")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {queue.recent.map((r) => (
                <tr key={r.id}>
                  <td className="px-3 py-2.5">{t(`kinds.${r.kind}`)}</td>
                  <td className="px-3 py-2.5">
                    <Link
                      className="text-brand-700 underline-offset-4 hover:underline"
                      href={`/support/cases/${r.id}`}
                    >
                      {r.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2.5 font-mono">{r.idMasked}</td>
                  <td className="px-3 py-2.5">
                    <CaseStatusBadge status={r.status} />
                  </td>
                  <td className="px-3 py-2.5">{r.decidedAt ? formatDateTime(r.decidedAt) : "—"}</td>
                  <td className="px-3 py-2.5">{r.decidedBy || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      ) : null}
    </>
  );
}
