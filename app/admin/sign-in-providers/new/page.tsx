import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/current";
import { AdminBreadcrumb } from "@/components/admin/AdminBreadcrumb";
import { ProviderForm } from "@/components/admin/sso/ProviderForm";
import { Card, PageHeader } from "@/components/ui/Card";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { saveProviderAction } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("sso.admin");
  return { title: t("newTitle") };
}

export default async function NewSignInProviderPage() {
  await requireStaff("settings.manage");
  const t = await getTranslations("sso.admin");
  return (
    <>
      <AdminBreadcrumb
        items={[{ href: "/admin/sign-in-providers", label: t("title") }, { label: t("newTitle") }]}
      />
      <PageHeader title={t("newTitle")} description={t("description")} />
      <Card>
        <ClientMessages namespaces={["sso.admin"]}>
          <ProviderForm action={saveProviderAction} />
        </ClientMessages>
      </Card>
    </>
  );
}
