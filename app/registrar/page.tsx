import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
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
import { TrendSection } from "@/components/progress/TrendSection";

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
      <TrendSection
        trend={trend}
        title={t("overview.trendTitle")}
        description={t("overview.trendDescription")}
      />
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
