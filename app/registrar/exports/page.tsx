import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStaff } from "@/lib/auth/current";
import { campaignChoices, dashboardCampaign } from "@/lib/progress/campaign";
import { Alert } from "@/components/ui/Alert";
import { buttonClass } from "@/components/ui/Button";
import { Card, PageHeader } from "@/components/ui/Card";
import { CampaignPicker } from "@/components/progress/CampaignPicker";
import { RegistrarNav } from "@/components/progress/RegistrarNav";

export async function generateMetadata() {
  const t = await getTranslations("registrar.exports");
  return { title: t("title"), description: await metaDescription("registrarExports") };
}

export default async function ExportsPage({
  searchParams,
}: {
  searchParams: Promise<{ campaign?: string }>;
}) {
  await requireStaff("export.all");
  const t = await getTranslations("registrar");
  const tp = await getTranslations("progress");
  const { campaign: campaignId } = await searchParams;
  const [campaign, campaigns] = await Promise.all([dashboardCampaign(campaignId), campaignChoices()]);
  return (
    <>
      <PageHeader title={t("title")} />
      <RegistrarNav current="exports" />
      <h2 className="text-xl font-bold">{t("exports.title")}</h2>
      <p className="mb-4 mt-1 text-sm text-slate-600">{t("exports.description")}</p>
      {!campaign ? (
        <Alert tone="info">{tp("campaign.none")}</Alert>
      ) : (
        <>
          <CampaignPicker campaigns={campaigns} current={campaign} />
          <div className="grid gap-4 md:grid-cols-2">
            <Card>
              <h3 className="font-semibold">{t("exports.notChecked")}</h3>
              <p className="mt-1 text-sm text-slate-600">{t("exports.notCheckedHint")}</p>
              <div className="mt-3 flex flex-wrap gap-2">
                <a
                  className={buttonClass("secondary")}
                  href={`/college/export?${new URLSearchParams({ campaign: campaign.id, format: "xlsx" })}`}
                  download
                >
                  {tp("export.xlsx")}
                </a>
                <a
                  className={buttonClass("secondary")}
                  href={`/college/export?${new URLSearchParams({ campaign: campaign.id, format: "csv" })}`}
                  download
                >
                  {tp("export.csv")}
                </a>
              </div>
            </Card>
            <Card>
              <h3 className="font-semibold">{t("exports.progress")}</h3>
              <p className="mt-1 text-sm text-slate-600">{t("exports.progressHint")}</p>
              <div className="mt-3">
                <a
                  className={buttonClass("secondary")}
                  href={`/registrar/exports/progress?${new URLSearchParams({ campaign: campaign.id })}`}
                  download
                >
                  {t("exports.download")}
                </a>
              </div>
            </Card>
          </div>
        </>
      )}
    </>
  );
}
