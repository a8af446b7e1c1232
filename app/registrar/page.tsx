import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStaff } from "@/lib/auth/current";
import { campaignChoices, dashboardCampaign } from "@/lib/progress/campaign";
import { progressBy, sumCounts } from "@/lib/progress/counts";
import { checkRateTrend } from "@/lib/progress/trend";
import { Alert } from "@/components/ui/Alert";
import { Card, PageHeader } from "@/components/ui/Card";
import { CampaignPicker } from "@/components/progress/CampaignPicker";
import { DataTable, RowTh, Td, Th } from "@/components/ui/Table";
import { ProgressTable } from "@/components/progress/ProgressTable";
import { RegistrarNav } from "@/components/progress/RegistrarNav";
import { StatCards } from "@/components/progress/StatCards";
import { TrendChart } from "@/components/progress/TrendChart";

export async function generateMetadata() {
  const t = await getTranslations("registrar");
  return { title: t("title"), description: await metaDescription("registrar") };
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
              <DataTable caption={t("overview.trendTitle")} className="max-h-72 overflow-y-auto">
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
