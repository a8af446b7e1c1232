import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/i18n/format";
import type { ListParams } from "@/lib/core/list-params";
import type { QueueItem, SupportSort } from "@/lib/identity-cases/support-queue";
import { SortTh } from "@/components/ui/SortTh";
import { cn } from "@/components/ui/cn";
import { DataTable, Td, Th } from "@/components/ui/Table";
import { DueBadge } from "./DueBadge";

/** Open cases, oldest first; overdue rows are tinted red so they stand out at a glance. */
export async function QueueTable({ items, list }: { items: QueueItem[]; list: ListParams<SupportSort> }) {
  const t = await getTranslations("support");
  const sort = { basePath: "/support", filters: {}, params: list, anchor: "queue-title" };
  const age = (hours: number) =>
    hours < 48 ? t("age", { hours }) : t("ageDays", { days: Math.floor(hours / 24), hours: hours % 24 });
  return (
    <DataTable caption={t("queueTitle")} stack>
      <thead>
        <tr>
          <SortTh column="kind" label={t("columns.kind")} {...sort} />
          <Th>{t("columns.name")}</Th>
          <Th>{t("columns.idNumber")}</Th>
          <SortTh column="createdAt" label={t("columns.createdAt")} {...sort} />
          <SortTh column="age" label={t("columns.age")} {...sort} />
          <SortTh column="due" label={t("columns.due")} {...sort} />
          <Th>
            <span className="sr-only">{t("columns.action")}</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} className={cn(item.due === "overdue" && "bg-red-50")} data-case-id={item.id}>
            <Td label={t("columns.kind")}>{t(`kinds.${item.kind}`)}</Td>
            <Td label={t("columns.name")} className="font-medium text-ink">
              {item.name}
            </Td>
            <Td label={t("columns.idNumber")} className="font-mono">
              {item.idMasked}
            </Td>
            <Td label={t("columns.createdAt")} className="tabular-nums">
              {formatDateTime(item.createdAt)}
            </Td>
            <Td label={t("columns.age")}>{age(item.ageHours)}</Td>
            <Td label={t("columns.due")}>
              <DueBadge dueAt={item.dueAt} due={item.due} />
            </Td>
            <Td className="cell-action sm:text-right">
              <Link
                href={`/support/cases/${item.id}`}
                className="inline-flex min-h-9 items-center rounded-md bg-brand-700 px-3 text-sm font-semibold text-white hover:bg-brand-800"
              >
                {t("review")}
                <span className="sr-only"> {item.name}</span>
              </Link>
            </Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
