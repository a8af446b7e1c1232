import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStaff } from "@/lib/auth/current";
import { homePathFor } from "@/lib/auth/policy";
import { isDemoMode } from "@/lib/env";
import { OwnPasswordForm } from "@/components/admin/OwnPasswordForm";
import { Alert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { changeOwnPasswordAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("admin.ownPassword");
  return { title: t("title"), description: await metaDescription("staffPassword") };
}

export default async function StaffPasswordPage() {
  const actor = await requireStaff(undefined, { allowPasswordChange: true });
  const t = await getTranslations("admin.ownPassword");
  const required = actor.mustChangePassword && !isDemoMode();
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 mb-5 text-sm text-slate-600">{t("subtitle", { username: actor.username })}</p>
        {required ? (
          <Alert tone="warning" className="mb-4">
            {t("required")}
          </Alert>
        ) : null}
        <ClientMessages namespaces={["admin.ownPassword"]}>
          <OwnPasswordForm homePath={homePathFor(actor)} action={changeOwnPasswordAction} />
        </ClientMessages>
      </Card>
    </div>
  );
}
