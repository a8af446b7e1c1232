import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/i18n/format";
import type { HistoryEntry } from "@/lib/records/history";
import { displayValue } from "./field-value";

/**
 * 更改前的信息: one entry per changed field. A list (not a table) so it reads at 360 px; staff pages use
 * the same component.
 */
export async function HistoryList({
  entries,
  headingLevel = 2,
}: {
  entries: HistoryEntry[];
  headingLevel?: 2 | 3;
}) {
  const t = await getTranslations("record");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="record-history">
      <Heading id="record-history" className="text-lg font-semibold text-ink">
        {t("history.title")}
      </Heading>
      <p className="mt-1 text-sm text-slate-600">{t("history.lead")}</p>
      {entries.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t("history.empty")}</p>
      ) : (
        <ol className="mt-3 divide-y divide-slate-200 rounded-lg ring-1 ring-slate-200">
          {entries.map((e) => (
            <li key={e.id} className="grid gap-1 p-3 text-sm sm:grid-cols-[9rem_1fr_auto] sm:gap-4">
              <span className="font-medium text-ink">{t(`fields.${e.field}`)}</span>
              <span className="min-w-0 break-words">
                <span className="text-slate-600">{t("history.beforeLabel")}</span>
                <del className="text-slate-800">{displayValue(t, e.field, e.before)}</del>
                <span aria-hidden="true"> → </span>
                <span className="sr-only">, </span>
                <span className="text-slate-600">{t("history.afterLabel")}</span>
                <ins className="font-medium text-ink no-underline">{displayValue(t, e.field, e.after)}</ins>
              </span>
              <span className="text-xs text-slate-600 sm:text-right">
                {formatDateTime(e.changedAt)}
                <br />
                {t(`history.source.${e.source}`)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
