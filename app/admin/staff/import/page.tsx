import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStaff } from "@/lib/auth/current";
import { AdminBreadcrumb } from "@/components/admin/AdminBreadcrumb";
import { StaffBulkImport } from "./StaffBulkImport";
import { Card, PageHeader } from "@/components/ui/Card";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export async function generateMetadata() {
  const t = await getTranslations("admin.bulk");
  return { title: t("title"), description: await metaDescription("adminStaffImport") };
}

export default async function StaffImportPage() {
  await requireStaff("staff.manage");
  const t = await getTranslations("admin");
  return (
    <ClientMessages namespaces={["admin.bulk", "common.roles", "common.file"]}>
      <AdminBreadcrumb
        items={[{ href: "/admin/staff", label: t("staff.title") }, { label: t("bulk.title") }]}
      />
      <PageHeader title={t("bulk.title")} description={t("bulk.description")} />
      <Card className="max-w-5xl">
        <StaffBulkImport />
      </Card>
    </ClientMessages>
  );
}
