import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStaff } from "@/lib/auth/current";
import { listColleges } from "@/lib/admin/staff-accounts";
import { AdminBreadcrumb } from "@/components/admin/AdminBreadcrumb";
import { StaffCreateForm } from "@/components/admin/StaffCreateForm";
import { Card, PageHeader } from "@/components/ui/Card";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { createStaffAction } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("admin.staff");
  return { title: t("new"), description: await metaDescription("adminStaffNew") };
}

export default async function NewStaffPage() {
  await requireStaff("staff.manage");
  const t = await getTranslations("admin.staff");
  const colleges = await listColleges();
  return (
    <>
      <AdminBreadcrumb items={[{ href: "/admin/staff", label: t("title") }, { label: t("new") }]} />
      <PageHeader title={t("new")} description={t("newDescription")} />
      <Card className="max-w-4xl">
        <ClientMessages namespaces={["admin.secret", "admin.staff", "common.roles"]}>
          <StaffCreateForm colleges={colleges} action={createStaffAction} />
        </ClientMessages>
      </Card>
    </>
  );
}
