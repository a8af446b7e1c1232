import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/current";
import { publicBaseUrl } from "@/lib/accounts/links";
import { listProvidersForAdmin } from "@/lib/external-sign-in/providers";
import { redirectUriFor } from "@/lib/external-sign-in/start";
import { AdminBreadcrumb } from "@/components/admin/AdminBreadcrumb";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { LinkButton } from "@/components/ui/Button";
import { Card, PageHeader } from "@/components/ui/Card";

export async function generateMetadata() {
  const t = await getTranslations("sso.admin");
  return { title: t("title") };
}

/** 外部登录: the identity providers, each with its redirect URI, secret variable and state. */
export default async function SignInProvidersPage({
  searchParams,
}: {
  searchParams: Promise<{ deleted?: string }>;
}) {
  const actor = await requireStaff("settings.manage");
  const t = await getTranslations("sso.admin");
  const english = (await getLocale()) === "en";
  const [providers, baseUrl, { deleted }] = await Promise.all([
    listProvidersForAdmin(actor),
    publicBaseUrl(),
    searchParams,
  ]);
  return (
    <>
      <AdminBreadcrumb items={[{ label: t("title") }]} />
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={<LinkButton href="/admin/sign-in-providers/new">{t("add")}</LinkButton>}
      />
      {deleted ? (
        <Alert tone="success" className="mb-4">
          {t("deleted")}
        </Alert>
      ) : null}
      {providers.length === 0 ? <p className="text-sm text-slate-600">{t("empty")}</p> : null}
      <ul className="grid gap-4 lg:grid-cols-2">
        {providers.map((p) => (
          <li key={p.id}>
            <Card>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h2 className="text-lg font-semibold">
                  <Link
                    className="text-brand-800 underline-offset-4 hover:underline"
                    href={`/admin/sign-in-providers/${p.id}`}
                  >
                    {english ? p.nameEn : p.nameZh}
                  </Link>
                </h2>
                <span className="flex flex-wrap gap-1">
                  <Badge tone={p.enabled ? "success" : "neutral"}>
                    {t(p.enabled ? "state.enabled" : "state.disabled")}
                  </Badge>
                  <Badge tone="brand">{t(`audiences.${p.audience as "staff"}`)}</Badge>
                </span>
              </div>
              <dl className="mt-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
                <dt className="text-slate-600">{t("issuer")}</dt>
                <dd className="break-all font-mono text-xs sm:text-sm">{p.issuer}</dd>
                <dt className="text-slate-600">{t("redirectUri")}</dt>
                <dd className="break-all font-mono text-xs sm:text-sm">{redirectUriFor(baseUrl, p.slug)}</dd>
                <dt className="text-slate-600">{t("secretVariable")}</dt>
                <dd className="break-all">
                  <code className="font-mono text-xs sm:text-sm">{p.secretVariable}</code>{" "}
                  <Badge tone={p.secretSet ? "success" : "warning"}>
                    {p.secretSet ? t("secretSet") : t("secretMissing")}
                  </Badge>
                </dd>
              </dl>
              <p className="mt-3 text-sm text-slate-600">
                {t("counts", { bindings: p._count.studentBindings, links: p._count.staffLinks })}
              </p>
              <LinkButton
                href={`/admin/sign-in-providers/${p.id}`}
                variant="secondary"
                className="mt-3"
                aria-label={`${t("edit")} ${english ? p.nameEn : p.nameZh}`}
              >
                {t("edit")}
              </LinkButton>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
