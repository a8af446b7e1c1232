import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/i18n/format";
import type { RequestSummary } from "@/lib/records/student-page";
import { StatusBadge } from "@/components/corrections/StatusBadge";

/** The student's correction requests for this record, newest first, each linking to its progress. */
export async function RequestList({ requests }: { requests: RequestSummary[] }) {
  const t = await getTranslations("record");
  if (requests.length === 0) return null;
  return (
    <section aria-labelledby="record-requests">
      <h2 id="record-requests" className="text-lg font-semibold text-ink">
        {t("requests.title")}
      </h2>
      <ul className="mt-3 divide-y divide-slate-200 rounded-lg ring-1 ring-slate-200">
        {requests.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
            <div className="min-w-0">
              <p className="text-sm font-medium text-ink">
                {r.fields.map((f) => t(`fields.${f}`)).join("、")}
              </p>
              <p className="text-xs text-slate-600">
                {t("requests.submittedAt", { time: formatDateTime(r.createdAt) })}
              </p>
            </div>
            <div className="flex items-center gap-3">
              <StatusBadge status={r.status} />
              <Link
                href={`/record/requests/${r.id}`}
                className="text-sm font-semibold text-brand-700 underline-offset-4 hover:underline"
              >
                {t("requests.view")}
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
