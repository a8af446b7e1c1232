import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/current";
import { knownLevels, listCampaigns } from "@/lib/campaigns/manage";
import { formatDateTime } from "@/lib/i18n/format";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Card, PageHeader } from "@/components/ui/Card";
import { CampaignForm } from "@/components/progress/CampaignForm";
import { DeleteCampaignButton } from "@/components/progress/DeleteCampaignButton";
import { RegistrarNav } from "@/components/progress/RegistrarNav";

export async function generateMetadata() {
  const t = await getTranslations("registrar.campaigns");
  return { title: t("title") };
}

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const actor = await requireStaff("campaign.manage");
  const t = await getTranslations("registrar");
  const tp = await getTranslations("progress.campaign");
  const [campaigns, levels, { saved }] = await Promise.all([
    listCampaigns(actor),
    knownLevels(),
    searchParams,
  ]);
  const now = new Date();
  return (
    <>
      <PageHeader title={t("title")} />
      <RegistrarNav current="campaigns" />
      {saved ? (
        <Alert tone="success" className="mb-4">
          {t("campaigns.saved")}
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-3 overflow-x-auto">
          <h2 className="text-xl font-bold">{t("campaigns.list")}</h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">{t("campaigns.description")}</p>
          {campaigns.length === 0 ? (
            <p className="text-sm text-slate-600">{t("campaigns.empty")}</p>
          ) : (
            <table className="min-w-full text-left text-sm">
              <thead className="bg-slate-50 text-xs text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t("campaigns.name")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("campaigns.cohort")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("campaigns.level")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("campaigns.window")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("campaigns.state")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">{t("campaigns.edit")}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {campaigns.map((c) => {
                  const state = now < c.startsAt ? "upcoming" : now >= c.endsAt ? "closed" : "open";
                  return (
                    <tr key={c.id}>
                      <th scope="row" className="px-3 py-2 font-medium">
                        {c.name}
                      </th>
                      <td className="px-3 py-2">{c.cohort}</td>
                      <td className="px-3 py-2">{c.level}</td>
                      <td className="whitespace-nowrap px-3 py-2 text-xs text-slate-600">
                        {formatDateTime(c.startsAt)}
                        <br />
                        {formatDateTime(c.endsAt)}
                      </td>
                      <td className="px-3 py-2">
                        <Badge
                          tone={state === "open" ? "success" : state === "closed" ? "neutral" : "warning"}
                        >
                          {tp(state)}
                        </Badge>
                      </td>
                      <td className="whitespace-nowrap px-3 py-2">
                        <Link
                          className="mr-2 text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
                          href={`/registrar/campaigns/${c.id}`}
                        >
                          {t("campaigns.edit")}
                        </Link>
                        <DeleteCampaignButton id={c.id} name={c.name} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </Card>
        <Card className="lg:col-span-2">
          <h2 className="mb-4 text-xl font-bold">{t("campaigns.create")}</h2>
          <CampaignForm levels={levels} />
        </Card>
      </div>
    </>
  );
}
