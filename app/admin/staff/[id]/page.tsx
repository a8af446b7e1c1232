import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStaff } from "@/lib/auth/current";
import { getStaff, listColleges } from "@/lib/admin/staff-accounts";
import { formatDateTime } from "@/lib/i18n/format";
import { AdminBreadcrumb } from "@/components/admin/AdminBreadcrumb";
import { StaffEditForm } from "@/components/admin/StaffEditForm";
import { StaffScopeForm } from "./StaffScopeForm";
import { staffUnitScopes } from "@/lib/admin/staff-scope";
import { StaffResetPasswordForm } from "@/components/admin/StaffResetPasswordForm";
import { StaffStatusForm } from "@/components/admin/StaffStatusForm";
import { StaffLinks } from "@/components/admin/sso/StaffLinks";
import { staffLinksForAdmin } from "@/lib/external-sign-in/staff-links";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Card, PageHeader } from "@/components/ui/Card";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { resetStaffPasswordAction, setStaffDisabledAction, updateStaffAction } from "../actions";
import { linkStaffAction, unlinkStaffAction } from "@/app/admin/sign-in-providers/actions";

export async function generateMetadata() {
  const t = await getTranslations("admin.staff");
  return { title: t("editTitle"), description: await metaDescription("adminStaffId") };
}

export default async function EditStaffPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff("staff.manage");
  const t = await getTranslations("admin.staff");
  const { id } = await params;
  const [staff, colleges] = await Promise.all([getStaff(actor, id), listColleges()]);
  if (!staff) notFound();
  const [sso, scopes] = await Promise.all([
    staffLinksForAdmin(actor, staff.id),
    staff.roles.includes("college") ? staffUnitScopes(actor, staff.id) : Promise.resolve([]),
  ]);
  const tl = await getTranslations("sso.links");
  const self = staff.id === actor.staffUserId;
  return (
    <>
      <ClientMessages namespaces={["admin.secret", "admin.staff", "common.roles"]}>
        <AdminBreadcrumb items={[{ href: "/admin/staff", label: t("title") }, { label: staff.username }]} />
        <PageHeader
          title={`${staff.displayName}(${staff.username})`}
          description={t("createdAt", { time: formatDateTime(staff.createdAt) })}
          actions={
            <span className="flex flex-wrap gap-1">
              {staff.disabledAt ? (
                <Badge tone="danger">{t("state.disabled")}</Badge>
              ) : (
                <Badge tone="success">{t("state.active")}</Badge>
              )}
              {staff.isDemo ? <Badge tone="warning">{t("state.demo")}</Badge> : null}
              {staff.mustChangePassword ? <Badge>{t("state.mustChange")}</Badge> : null}
            </span>
          }
        />
        {staff.isDemo ? (
          <Alert tone="warning" className="mb-4">
            {t("demoWarning")}
          </Alert>
        ) : null}
        <div className="grid gap-6 lg:grid-cols-3">
          <Card className="lg:col-span-2" aria-labelledby="access-heading">
            <h2 id="access-heading" className="mb-4 text-lg font-semibold">
              {t("accessHeading")}
            </h2>
            <StaffEditForm staff={staff} colleges={colleges} action={updateStaffAction} />
          </Card>
          {scopes.length ? (
            <Card className="lg:col-span-2" aria-labelledby="scope-heading">
              <h2 id="scope-heading" className="text-lg font-semibold">
                {t("scope.heading")}
              </h2>
              <p className="mb-4 mt-1 text-sm text-slate-600">{t("scope.description")}</p>
              <div className="space-y-6 divide-y divide-slate-200">
                {scopes.map((s) => (
                  <div key={s.collegeId} className="pt-4 first:pt-0">
                    <StaffScopeForm staffUserId={staff.id} scope={s} />
                  </div>
                ))}
              </div>
            </Card>
          ) : null}
          <Card className="lg:col-span-2" aria-labelledby="sso-links-heading">
            <h2 id="sso-links-heading" className="mb-3 text-lg font-semibold">
              {tl("title")}
            </h2>
            <StaffLinks
              staffUserId={staff.id}
              links={sso.links}
              providers={sso.providers}
              actions={{ link: linkStaffAction, unlink: unlinkStaffAction }}
            />
          </Card>
          <div className="space-y-6">
            <Card aria-labelledby="password-heading">
              <h2 id="password-heading" className="mb-3 text-lg font-semibold">
                {t("reset.heading")}
              </h2>
              <StaffResetPasswordForm id={staff.id} action={resetStaffPasswordAction} />
            </Card>
            <Card aria-labelledby="status-heading">
              <h2 id="status-heading" className="mb-3 text-lg font-semibold">
                {t("status.heading")}
              </h2>
              {self ? (
                <p className="text-sm text-slate-700">{t("status.self")}</p>
              ) : (
                <StaffStatusForm
                  id={staff.id}
                  disabled={!!staff.disabledAt}
                  action={setStaffDisabledAction}
                />
              )}
            </Card>
          </div>
        </div>
      </ClientMessages>
    </>
  );
}
