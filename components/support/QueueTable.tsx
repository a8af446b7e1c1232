import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/i18n/format";
import type { QueueItem } from "@/lib/identity-cases/support-queue";
import { cn } from "@/components/ui/cn";
import { DueBadge } from "./DueBadge";

/** Open cases, oldest first; overdue rows are tinted red so they stand out at a glance. */
export async function QueueTable({ items }: { items: QueueItem[] }) {
  const t = await getTranslations("support");
  const age = (hours: number) =>
    hours < 48 ? t("age", { hours }) : t("ageDays", { days: Math.floor(hours / 24), hours: hours % 24 });
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{t("queueTitle")}</caption>
      <thead className="border-b border-slate-200 text-xs font-semibold text-slate-600">
        <tr>
          <th scope="col" className="px-3 py-2.5">
            {t("columns.kind")}
          </th>
          <th scope="col" className="px-3 py-2.5">
            {t("columns.name")}
          </th>
          <th scope="col" className="px-3 py-2.5">
            {t("columns.idNumber")}
          </th>
          <th scope="col" className="px-3 py-2.5">
            {t("columns.createdAt")}
          </th>
          <th scope="col" className="px-3 py-2.5">
            {t("columns.age")}
          </th>
          <th scope="col" className="px-3 py-2.5">
            {t("columns.due")}
          </th>
          <th scope="col" className="px-3 py-2.5">
            <span className="sr-only">{t("columns.action")}</span>
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {items.map((item) => (
          <tr key={item.id} className={cn(item.due === "overdue" && "bg-red-50")} data-case-id={item.id}>
            <td className="px-3 py-3">{t(`kinds.${item.kind}`)}</td>
            <td className="px-3 py-3 font-medium text-ink">{item.name}</td>
            <td className="px-3 py-3 font-mono">{item.idMasked}</td>
            <td className="px-3 py-3">{formatDateTime(item.createdAt)}</td>
            <td className="px-3 py-3">{age(item.ageHours)}</td>
            <td className="px-3 py-3">
              <DueBadge dueAt={item.dueAt} due={item.due} />
            </td>
            <td className="px-3 py-3 text-right">
              <Link
                href={`/support/cases/${item.id}`}
                className="inline-flex min-h-9 items-center rounded-md bg-brand-700 px-3 text-sm font-semibold text-white hover:bg-brand-800"
              >
                {t("review")}
                <span className="sr-only"> {item.name}</span>
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
