import { getTranslations } from "next-intl/server";
import { rate, type Counts } from "@/lib/progress/counts";
import { cn } from "@/components/ui/cn";

/** The five headline numbers of a campaign (SPEC §5), each with its share of the students to check. */
export async function StatCards({ counts }: { counts: Counts }) {
  const t = await getTranslations("progress.stats");
  const items: { key: keyof Counts; label: string; highlight?: boolean }[] = [
    { key: "total", label: t("total") },
    { key: "registered", label: t("registered") },
    { key: "viewed", label: t("viewed") },
    { key: "confirmed", label: t("confirmed"), highlight: true },
    { key: "reported", label: t("reported") },
  ];
  return (
    <dl className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-5">
      {items.map((item, i) => (
        <div
          key={item.key}
          className={cn(
            item.highlight
              ? "rounded-xl bg-brand-800 p-4 text-white shadow-sm"
              : "rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200",
            // An odd last card fills the phone's two-column row instead of leaving a hole.
            i === items.length - 1 && items.length % 2 === 1 && "col-span-2 md:col-span-1",
          )}
        >
          <dt className={item.highlight ? "text-sm text-brand-100" : "text-sm text-slate-600"}>
            {item.label}
          </dt>
          <dd className="mt-1 text-2xl font-bold tabular-nums">{counts[item.key].toLocaleString("zh-CN")}</dd>
          {item.key !== "total" ? (
            <dd className={item.highlight ? "text-sm text-brand-100" : "text-sm text-slate-600"}>
              {item.highlight ? `${t("checkRate")} ` : ""}
              {t("rate", { rate: rate(counts[item.key], counts.total) })}
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
