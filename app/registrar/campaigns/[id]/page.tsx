import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStaff } from "@/lib/auth/current";
import { getCampaign, knownCohorts, knownLevels, toSchoolTime } from "@/lib/campaigns/manage";
import { Card, PageHeader } from "@/components/ui/Card";
import { CampaignForm } from "../_components/CampaignForm";
import { RegistrarNav } from "@/components/progress/RegistrarNav";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export async function generateMetadata() {
  const t = await getTranslations("registrar.campaigns");
  return { title: t("editTitle"), description: await metaDescription("registrarCampaignsId") };
}

export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff("campaign.manage");
  const t = await getTranslations("registrar");
  const { id } = await params;
  const [campaign, levels, cohorts] = await Promise.all([
    getCampaign(actor, id),
    knownLevels(),
    knownCohorts(),
  ]);
  if (!campaign) notFound();
  return (
    <>
      <PageHeader title={t("title")} />
      <RegistrarNav current="campaigns" />
      <Card className="max-w-2xl">
        <div className="mb-4 flex items-center justify-between">
          <h2 className="text-xl font-bold">{t("campaigns.editTitle")}</h2>
          <Link
            className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
            href="/registrar/campaigns"
          >
            {t("campaigns.back")}
          </Link>
        </div>
        <ClientMessages namespaces={["registrar.campaigns"]}>
          <CampaignForm
            levels={levels}
            cohorts={cohorts}
            initial={{
              id: campaign.id,
              name: campaign.name,
              cohort: campaign.cohort,
              level: campaign.level,
              startsAt: toSchoolTime(campaign.startsAt),
              endsAt: toSchoolTime(campaign.endsAt),
            }}
          />
        </ClientMessages>
      </Card>
    </>
  );
}
