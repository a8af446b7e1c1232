import { getTranslations } from "next-intl/server";
import type { CompletenessItem } from "@/lib/accounts/completeness";
import { Card } from "@/components/ui/Card";
import { cn } from "@/components/ui/cn";

/** 账号完善度: a meter and the checklist behind it. */
export async function CompletenessMeter({ items, percent }: { items: CompletenessItem[]; percent: number }) {
  const t = await getTranslations("account.completeness");
  return (
    <Card aria-labelledby="completeness-title">
      <h2 id="completeness-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <div className="mt-3 flex items-center gap-3">
        <div
          role="meter"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-labelledby="completeness-title"
          className="h-3 flex-1 overflow-hidden rounded-full bg-slate-200"
        >
          <div
            className={cn("h-full rounded-full", percent === 100 ? "bg-emerald-600" : "bg-brand-600")}
            style={{ width: `${percent}%` }}
          />
        </div>
        <span className="text-2xl font-bold tabular-nums text-ink" data-testid="completeness">
          {percent}%
        </span>
      </div>
      {percent < 100 ? <p className="mt-2 text-sm text-slate-600">{t("lead")}</p> : null}
      <ul className="mt-4 space-y-2 text-sm">
        {items.map((item) => (
          <li key={item.key} className="flex items-center justify-between gap-3">
            <span className="flex items-center gap-2">
              <span
                aria-hidden="true"
                className={cn(
                  "grid size-5 place-items-center rounded-full text-xs font-bold",
                  item.done ? "bg-emerald-100 text-emerald-800" : "bg-slate-100 text-slate-500",
                )}
              >
                {item.done ? "✓" : "–"}
              </span>
              {t(item.key)}
            </span>
            <span className={item.done ? "text-emerald-800" : "text-slate-600"}>
              {item.done ? t("done") : t("todo")}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
