import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStudent } from "@/lib/auth/current";
import { identityOverview } from "@/lib/identity-cases/overview";
import { Card } from "@/components/ui/Card";
import { AssistRequestForm } from "@/app/identity/_components/AssistRequestForm";
import { AssistTable } from "@/components/identity/AssistTable";
import { SubPageHeader } from "@/components/identity/SubPage";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export async function generateMetadata() {
  const t = await getTranslations("identity.assist");
  return { title: t("title"), description: await metaDescription("identityAssist") };
}

/** 同学协助 (SPEC §3.2): the request form and the requests sent. */
export default async function AssistPage() {
  const actor = await requireStudent({ allowPending: true, next: "/identity/assist" });
  const overview = await identityOverview(actor);
  if (overview.account.identityStatus !== "pending") redirect("/identity");
  const t = await getTranslations("identity.assist");
  return (
    <>
      <SubPageHeader title={t("title")} description={t("lead")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <p className="mb-4 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-900">
            {t("limit", { left: overview.assistsLeftToday })}
          </p>
          <ClientMessages namespaces={["identity.assist"]}>
            <AssistRequestForm ownPhoneMasked={overview.account.phoneMasked} />
          </ClientMessages>
        </Card>
        <Card aria-labelledby="assists-sent">
          <h2 id="assists-sent" className="mb-3 text-base font-semibold text-ink">
            {t("tableTitle")}
          </h2>
          <AssistTable assists={overview.assists} />
        </Card>
      </div>
    </>
  );
}
