import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/Card";
import { rate, type GroupBy, type GroupCounts } from "@/lib/progress/counts";
import { ProgressChart } from "./ProgressChart";
import { ProgressTable } from "./ProgressTable";

const CHART_LIMIT = 30;

/** Progress per college / major / class: tabs (links), a chart of the weakest units and the full table. */
export async function BreakdownSection({
  groups,
  groupBy,
  hrefFor,
  linkFor,
  needsCollege,
  oneCollege,
}: {
  groups: GroupCounts[];
  groupBy: GroupBy;
  hrefFor: (groupBy: GroupBy) => string;
  /** where a row leads (a major's row: to its classes) */
  linkFor?: (g: GroupCounts) => string;
  needsCollege?: boolean;
  /** every row is of the same college: no college column */
  oneCollege?: boolean;
}) {
  const t = await getTranslations("progress.breakdown");
  const unit = t(`unit.${groupBy}`);
  const chartGroups =
    groups.length > CHART_LIMIT
      ? [...groups]
          .sort((a, b) => rate(a.confirmed, a.total) - rate(b.confirmed, b.total))
          .slice(0, CHART_LIMIT)
      : groups;
  const data = chartGroups.map((g) => ({
    name: g.collegeName && groupBy !== "college" && groupBy !== "classGroup" ? `${g.name}` : g.name,
    confirmed: g.confirmed,
    viewedOnly: Math.max(0, g.viewed - g.confirmed),
    notViewed: Math.max(0, g.total - g.viewed),
  }));
  const tabs: { key: GroupBy; label: string }[] = [
    { key: "college", label: t("byCollege") },
    { key: "major", label: t("byMajor") },
    { key: "classGroup", label: t("byClassGroup") },
  ];
  return (
    <section aria-labelledby="breakdown-title" className="mb-8 space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="breakdown-title" className="text-xl font-bold">
          {t("title")}
        </h2>
        {/* styles in app/globals.css (.view-tabs; the current tab by its aria-current) */}
        <nav aria-label={t("title")} className="view-tabs">
          {tabs.map((tab) => (
            <Link
              key={tab.key}
              href={hrefFor(tab.key)}
              {...(tab.key === groupBy ? { "aria-current": "page" as const } : {})}
            >
              {tab.label}
            </Link>
          ))}
        </nav>
      </div>
      <Card>
        {needsCollege ? (
          <p className="text-sm text-slate-600">{t("chooseCollege")}</p>
        ) : groups.length === 0 ? (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <div className="space-y-6">
            {linkFor && groupBy === "major" ? (
              <p className="text-sm text-slate-600">{t("majorsFirst")}</p>
            ) : null}
            <div>
              <h3 className="mb-1 font-semibold">{t("chartTitle", { unit })}</h3>
              {/* one unit (a chosen class) is its table's one row: no chart of one bar */}
              {groups.length > 1 ? (
                <>
                  <p className="mb-3 text-xs text-slate-600">
                    {groups.length > CHART_LIMIT
                      ? t("chartLimited", { count: CHART_LIMIT, unit })
                      : t("chartNote")}
                  </p>
                  <ProgressChart
                    data={data}
                    title={t("chartTitle", { unit })}
                    labels={{
                      confirmed: t("chartConfirmed"),
                      viewedOnly: t("chartViewed"),
                      notViewed: t("chartNotViewed"),
                    }}
                  />
                </>
              ) : null}
            </div>
            <ProgressTable
              groups={groups}
              groupBy={groupBy}
              caption={t("chartTitle", { unit })}
              linkFor={linkFor}
              showCollege={groupBy !== "college" && !oneCollege}
            />
          </div>
        )}
      </Card>
    </section>
  );
}
