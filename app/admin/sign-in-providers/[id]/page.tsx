import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/current";
import { publicBaseUrl } from "@/lib/accounts/links";
import { getProviderForAdmin, listProvidersForAdmin } from "@/lib/external-sign-in/providers";
import { redirectUriFor } from "@/lib/external-sign-in/start";
import { AdminBreadcrumb } from "@/components/admin/AdminBreadcrumb";
import { ConnectionTestForm } from "@/components/admin/sso/ConnectionTestForm";
import { DeleteProviderForm } from "@/components/admin/sso/DeleteProviderForm";
import { ProviderForm } from "@/components/admin/sso/ProviderForm";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Card, PageHeader } from "@/components/ui/Card";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { deleteProviderAction, saveProviderAction, testConnectionAction } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("sso.admin");
  return { title: t("editTitle") };
}

export default async function SignInProviderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const actor = await requireStaff("settings.manage");
  const t = await getTranslations("sso.admin");
  const english = (await getLocale()) === "en";
  const [{ id }, { created }] = await Promise.all([params, searchParams]);
  const provider = await getProviderForAdmin(actor, id);
  if (!provider) notFound();
  const counts = (await listProvidersForAdmin(actor)).find((p) => p.id === id)?._count;
  const redirectUri = redirectUriFor(await publicBaseUrl(), provider.slug);
  return (
    <>
      <AdminBreadcrumb
        items={[
          { href: "/admin/sign-in-providers", label: t("title") },
          { label: english ? provider.nameEn : provider.nameZh },
        ]}
      />
      <PageHeader title={english ? provider.nameEn : provider.nameZh} description={t("editTitle")} />
      {created ? (
        <Alert tone="success" className="mb-4">
          {t("created")}
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <ClientMessages namespaces={["sso.admin"]}>
            <ProviderForm provider={provider} action={saveProviderAction} />
          </ClientMessages>
        </Card>
        <div className="space-y-6">
          <Card aria-labelledby="registration-heading">
            <h2 id="registration-heading" className="mb-3 text-lg font-semibold">
              {t("test")}
            </h2>
            <dl className="mb-4 space-y-2 text-sm">
              <dt className="text-slate-600">{t("redirectUri")}</dt>
              <dd className="break-all font-mono text-xs" data-testid="redirect-uri">
                {redirectUri}
              </dd>
              <dt className="text-slate-600">{t("secretVariable")}</dt>
              <dd className="break-all">
                <code className="font-mono text-xs">{provider.secretVariable}</code>{" "}
                <Badge tone={provider.secretSet ? "success" : "warning"}>
                  {provider.secretSet ? t("secretSet") : t("secretMissing")}
                </Badge>
              </dd>
            </dl>
            <ClientMessages namespaces={["sso.admin"]}>
              <ConnectionTestForm id={provider.id} action={testConnectionAction} />
            </ClientMessages>
          </Card>
          <Card aria-labelledby="delete-heading">
            <h2 id="delete-heading" className="mb-3 text-lg font-semibold">
              {t("delete")}
            </h2>
            <ClientMessages namespaces={["sso.admin"]}>
              <DeleteProviderForm
                action={deleteProviderAction}
                id={provider.id}
                bindings={counts?.studentBindings ?? 0}
                links={counts?.staffLinks ?? 0}
              />
            </ClientMessages>
          </Card>
        </div>
      </div>
    </>
  );
}
