import { getTranslations } from "next-intl/server";
import type { TrendPoint } from "@/lib/progress/trend";
import { Card } from "@/components/ui/Card";
import { DataTable, Th } from "@/components/ui/Table";
import { ProgressRows } from "./ProgressRows";
import { TrendChart } from "./TrendChart";

/** Confirmations per day and the cumulative 核查率 of a scope: a chart and the table with its numbers. */
export async function TrendSection({
  trend,
  title,
  description,
}: {
  trend: TrendPoint[];
  title: string;
  description: string;
}) {
  const t = await getTranslations("registrar");
  return (
    <section aria-labelledby="trend-title" className="mb-8">
      <Card>
        <h2 id="trend-title" className="text-xl font-bold">
          {title}
        </h2>
        <p className="mb-4 text-sm text-slate-600">{description}</p>
        {trend.length === 0 ? (
          <p className="text-sm text-slate-600">{t("overview.trendEmpty")}</p>
        ) : (
          // halves: the table's four columns fit beside the chart at 1280 px in English too
          <div className="grid gap-6 lg:grid-cols-2">
            <div>
              <TrendChart data={trend} title={title} rateLabel={t("overview.checkRate")} />
            </div>
            {/* a row a day (a month's campaign has thirty): compact rows, styles on the table (.trend-table) */}
            <DataTable caption={title} className="trend-table max-h-72 overflow-y-auto" dense figures>
              <thead>
                <tr>
                  <Th>{t("overview.day")}</Th>
                  <Th className="text-right">{t("overview.dailyConfirmed")}</Th>
                  <Th className="text-right">{t("overview.cumulative")}</Th>
                  <Th className="text-right">{t("overview.checkRate")}</Th>
                </tr>
              </thead>
              <ProgressRows
                showCollege={false}
                rows={trend.map((p) => [
                  p.day,
                  null,
                  null,
                  String(p.confirmed),
                  String(p.cumulative),
                  `${p.rate}%`,
                ])}
              />
            </DataTable>
          </div>
        )}
      </Card>
    </section>
  );
}
