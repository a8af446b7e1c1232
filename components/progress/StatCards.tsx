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
    // styles: .stat-cards in app/globals.css
    <dl className="stat-cards">
      {items.map((item, i) => (
        <div
          key={item.key}
          className={cn(
            "stat-card",
            item.highlight && "stat-card--highlight",
            // An odd last card fills the phone's two-column row instead of leaving a hole.
            i === items.length - 1 && items.length % 2 === 1 && "col-span-2 md:col-span-1",
          )}
        >
          <dt>{item.label}</dt>
          <dd className="stat-figure">{counts[item.key].toLocaleString("zh-CN")}</dd>
          {item.key !== "total" ? (
            <dd>
              {item.highlight ? `${t("checkRate")} ` : ""}
              {t("rate", { rate: rate(counts[item.key], counts.total) })}
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
