import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/current";
import { campaignChoices, dashboardCampaign } from "@/lib/progress/campaign";
import { progressBy, sumCounts } from "@/lib/progress/counts";
import { checkRateTrend } from "@/lib/progress/trend";
import { Alert } from "@/components/ui/Alert";
import { Card, PageHeader } from "@/components/ui/Card";
import { CampaignPicker } from "@/components/progress/CampaignPicker";
import { ProgressTable } from "@/components/progress/ProgressTable";
import { RegistrarNav } from "@/components/progress/RegistrarNav";
import { StatCards } from "@/components/progress/StatCards";
import { TrendChart } from "@/components/progress/TrendChart";

export async function generateMetadata() {
  const t = await getTranslations("registrar");
  return { title: t("title") };
}

export default async function RegistrarPage({
  searchParams,
}: {
  searchParams: Promise<{ campaign?: string }>;
}) {
  const actor = await requireStaff("progress.viewAll");
  const t = await getTranslations("registrar");
  const tp = await getTranslations("progress");
  const { campaign: campaignId } = await searchParams;
  const campaign = await dashboardCampaign(typeof campaignId === "string" ? campaignId : undefined);
  const header = (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <RegistrarNav current="overview" />
    </>
  );
  if (!campaign)
    return (
      <>
        {header}
        <Alert tone="info">{tp("campaign.none")}</Alert>
      </>
    );
  const [byCollege, campaigns] = await Promise.all([
    progressBy(actor, campaign, "college"),
    campaignChoices(),
  ]);
  const totals = sumCounts(byCollege);
  const trend = await checkRateTrend(actor, campaign, totals.total);
  return (
    <>
      {header}
      <CampaignPicker campaigns={campaigns} current={campaign} />
      <StatCards counts={totals} />
      <section aria-labelledby="trend-title" className="mb-8">
        <Card>
          <h2 id="trend-title" className="text-xl font-bold">
            {t("overview.trendTitle")}
          </h2>
          <p className="mb-4 text-sm text-slate-600">{t("overview.trendDescription")}</p>
          {trend.length === 0 ? (
            <p className="text-sm text-slate-600">{t("overview.trendEmpty")}</p>
          ) : (
            <div className="grid gap-6 lg:grid-cols-3">
              <div className="lg:col-span-2">
                <TrendChart
                  data={trend}
                  title={t("overview.trendTitle")}
                  rateLabel={t("overview.checkRate")}
                />
              </div>
              <div className="max-h-72 overflow-y-auto">
                <table className="min-w-full text-sm">
                  <caption className="sr-only">{t("overview.trendTitle")}</caption>
                  <thead className="sticky top-0 bg-slate-50 text-xs text-slate-600">
                    <tr>
                      <th scope="col" className="px-2 py-2 text-left">
                        {t("overview.day")}
                      </th>
                      <th scope="col" className="px-2 py-2 text-right">
                        {t("overview.dailyConfirmed")}
                      </th>
                      <th scope="col" className="px-2 py-2 text-right">
                        {t("overview.cumulative")}
                      </th>
                      <th scope="col" className="px-2 py-2 text-right">
                        {t("overview.checkRate")}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {trend.map((p) => (
                      <tr key={p.day}>
                        <th scope="row" className="px-2 py-1.5 text-left font-normal">
                          {p.day}
                        </th>
                        <td className="px-2 py-1.5 text-right tabular-nums">{p.confirmed}</td>
                        <td className="px-2 py-1.5 text-right tabular-nums">{p.cumulative}</td>
                        <td className="px-2 py-1.5 text-right tabular-nums">{p.rate}%</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          )}
        </Card>
      </section>
      <section aria-labelledby="colleges-title">
        <Card>
          <h2 id="colleges-title" className="mb-3 text-xl font-bold">
            {t("overview.collegesTitle")}
          </h2>
          <ProgressTable
            groups={byCollege}
            groupBy="college"
            caption={t("overview.collegesTitle")}
            linkFor={(g) => `/college?${new URLSearchParams({ campaign: campaign.id, collegeId: g.id })}`}
          />
        </Card>
      </section>
    </>
  );
}
