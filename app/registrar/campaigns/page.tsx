import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStaff } from "@/lib/auth/current";
import { campaignListParams, knownCohorts, knownLevels, listCampaigns } from "@/lib/campaigns/manage";
import { formatDateTime } from "@/lib/i18n/format";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Card, PageHeader } from "@/components/ui/Card";
import { CampaignForm } from "./_components/CampaignForm";
import { DeleteCampaignButton } from "./_components/DeleteCampaignButton";
import { RegistrarNav } from "@/components/progress/RegistrarNav";
import { DataTable, RowTh, Td, Th } from "@/components/ui/Table";
import { SortTh } from "@/components/ui/SortTh";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export async function generateMetadata() {
  const t = await getTranslations("registrar.campaigns");
  return { title: t("title"), description: await metaDescription("registrarCampaigns") };
}

export default async function CampaignsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaff("campaign.manage");
  const t = await getTranslations("registrar");
  const tp = await getTranslations("progress.campaign");
  const raw = await searchParams;
  const saved = raw.saved;
  const order = campaignListParams(raw);
  const [campaigns, levels, cohorts] = await Promise.all([
    listCampaigns(actor, order),
    knownLevels(),
    knownCohorts(),
  ]);
  const sort = { basePath: "/registrar/campaigns", filters: {}, params: order };
  return (
    <>
      <ClientMessages namespaces={["registrar.campaigns"]}>
        <PageHeader title={t("title")} />
        <RegistrarNav current="campaigns" />
        {saved ? (
          <Alert tone="success" className="mb-4">
            {t("campaigns.saved")}
          </Alert>
        ) : null}
        <div className="grid gap-6 2xl:grid-cols-5">
          <Card className="min-w-0 2xl:col-span-3">
            <h2 className="text-xl font-bold">{t("campaigns.list")}</h2>
            <p className="mb-4 mt-1 text-sm text-slate-600">{t("campaigns.description")}</p>
            {campaigns.length === 0 ? (
              <p className="text-sm text-slate-600">{t("campaigns.empty")}</p>
            ) : (
              <DataTable caption={t("campaigns.list")}>
                <thead>
                  <tr>
                    <SortTh column="name" label={t("campaigns.name")} {...sort} />
                    <SortTh column="scope" label={t("campaigns.scope")} {...sort} />
                    <SortTh
                      column="students"
                      label={t("campaigns.students")}
                      className="text-right"
                      {...sort}
                    />
                    <SortTh column="window" label={t("campaigns.window")} {...sort} />
                    <SortTh column="state" label={t("campaigns.state")} {...sort} />
                    <Th>
                      <span className="sr-only">{t("campaigns.edit")}</span>
                    </Th>
                  </tr>
                </thead>
                <tbody>
                  {campaigns.map((c) => {
                    const state = c.state;
                    return (
                      <tr key={c.id}>
                        <RowTh className="font-medium">{c.name}</RowTh>
                        <Td className="whitespace-nowrap">
                          {t("campaigns.scopeValue", { cohort: c.cohort, level: c.level })}
                        </Td>
                        <Td className="text-right tabular-nums" data-testid="campaign-students">
                          {c.students.toLocaleString("zh-CN")}
                        </Td>
                        <Td className="text-xs text-slate-600">
                          {formatDateTime(c.startsAt)}
                          <br />
                          {formatDateTime(c.endsAt)}
                        </Td>
                        <Td>
                          <Badge
                            tone={state === "open" ? "success" : state === "closed" ? "neutral" : "warning"}
                          >
                            {tp(state)}
                          </Badge>
                        </Td>
                        <Td>
                          <Link
                            className="mr-2 text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
                            href={`/registrar/campaigns/${c.id}`}
                          >
                            {t("campaigns.edit")}
                          </Link>
                          <DeleteCampaignButton id={c.id} name={c.name} />
                        </Td>
                      </tr>
                    );
                  })}
                </tbody>
              </DataTable>
            )}
          </Card>
          <Card className="max-w-2xl 2xl:col-span-2 2xl:max-w-none">
            <h2 className="mb-4 text-xl font-bold">{t("campaigns.create")}</h2>
            <CampaignForm levels={levels} cohorts={cohorts} />
          </Card>
        </div>
      </ClientMessages>
    </>
  );
}
