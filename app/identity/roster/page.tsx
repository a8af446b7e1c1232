import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStudent } from "@/lib/auth/current";
import { Card } from "@/components/ui/Card";
import { RosterEvidenceForm } from "@/app/identity/_components/RosterEvidenceForm";
import { SubPageHeader } from "@/components/identity/SubPage";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export async function generateMetadata() {
  const t = await getTranslations("identity.roster");
  return { title: t("title"), description: await metaDescription("identityRoster") };
}

/** 提供学籍信息 (SPEC §3.3): resolves at once, without a human. */
export default async function RosterPage() {
  const actor = await requireStudent({ allowPending: true, next: "/identity/roster" });
  if (actor.identityStatus !== "pending") redirect("/identity");
  const t = await getTranslations("identity.roster");
  return (
    <>
      <SubPageHeader title={t("title")} description={t("lead")} />
      <Card className="max-w-xl">
        <ClientMessages namespaces={["identity.roster"]}>
          <RosterEvidenceForm />
        </ClientMessages>
      </Card>
    </>
  );
}
