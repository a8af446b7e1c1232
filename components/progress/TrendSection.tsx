import { getTranslations } from "next-intl/server";
import type { TrendPoint } from "@/lib/progress/trend";
import { Card } from "@/components/ui/Card";
import { DataTable, RowTh, Td, Th } from "@/components/ui/Table";
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
          <div className="grid gap-6 lg:grid-cols-3">
            <div className="lg:col-span-2">
              <TrendChart data={trend} title={title} rateLabel={t("overview.checkRate")} />
            </div>
            <DataTable caption={title} className="max-h-72 overflow-y-auto">
              <thead>
                <tr>
                  <Th className="sticky top-0 bg-slate-50">{t("overview.day")}</Th>
                  <Th className="sticky top-0 bg-slate-50 text-right">{t("overview.dailyConfirmed")}</Th>
                  <Th className="sticky top-0 bg-slate-50 text-right">{t("overview.cumulative")}</Th>
                  <Th className="sticky top-0 bg-slate-50 text-right">{t("overview.checkRate")}</Th>
                </tr>
              </thead>
              <tbody>
                {trend.map((p) => (
                  <tr key={p.day}>
                    <RowTh className="py-2 font-normal tabular-nums">{p.day}</RowTh>
                    <Td num className="py-2">
                      {p.confirmed}
                    </Td>
                    <Td num className="py-2">
                      {p.cumulative}
                    </Td>
                    <Td num className="py-2">
                      {p.rate}%
                    </Td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </div>
        )}
      </Card>
    </section>
  );
}
