import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStaff } from "@/lib/auth/current";
import { listApiTokens } from "@/lib/admin/api-tokens";
import { listColleges } from "@/lib/admin/staff-accounts";
import { formatDateTime } from "@/lib/i18n/format";
import { AdminBreadcrumb } from "@/components/admin/AdminBreadcrumb";
import { TokenCreateForm } from "@/components/admin/TokenCreateForm";
import { Badge } from "@/components/ui/Badge";
import { DataTable, Td, Th } from "@/components/ui/Table";
import { Button } from "@/components/ui/Button";
import { Card, PageHeader } from "@/components/ui/Card";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export async function generateMetadata() {
  const t = await getTranslations("admin.tokens");
  return { title: t("title"), description: await metaDescription("adminTokens") };
}

export default async function TokensPage() {
  const actor = await requireStaff("apiToken.manage");
  const t = await getTranslations("admin.tokens");
  const tc = await getTranslations("common.roles");
  const [tokens, colleges] = await Promise.all([listApiTokens(actor), listColleges()]);
  return (
    <>
      <AdminBreadcrumb items={[{ label: t("title") }]} />
      <PageHeader
        title={t("title")}
        description={
          <>
            {t("description")}{" "}
            <a
              className="font-semibold text-brand-700 underline underline-offset-4"
              href="/api/v1/openapi.json"
            >
              {t("openapi")}
            </a>
          </>
        }
      />
      <section
        className="mb-6 rounded-xl bg-white shadow-sm ring-1 ring-slate-200"
        aria-labelledby="tokens-heading"
      >
        <h2 id="tokens-heading" className="px-5 pt-5 text-lg font-semibold sm:px-6">
          {t("listTitle")}
        </h2>
        {tokens.length === 0 ? (
          <p className="p-6 text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <DataTable caption={t("listTitle")} className="mt-3 rounded-b-xl">
            <thead>
              <tr>
                <Th>{t("fields.name")}</Th>
                <Th>{t("columns.prefix")}</Th>
                <Th>{t("fields.role")}</Th>
                <Th>{t("fields.colleges")}</Th>
                <Th>{t("columns.created")}</Th>
                <Th>{t("columns.lastUsed")}</Th>
                <Th>{t("columns.expires")}</Th>
                <Th>{t("columns.state")}</Th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((k) => (
                <tr key={k.id} className={k.revokedAt ? "bg-slate-50 text-slate-500" : undefined}>
                  <Td className="font-medium">{k.name}</Td>
                  <Td className="font-mono text-xs">{k.prefix}…</Td>
                  <Td>
                    {k.roles.map((r) => (
                      <Badge key={r} tone="brand">
                        {tc(r)}
                      </Badge>
                    ))}
                  </Td>
                  <Td className="cell-wrap text-xs">
                    {k.colleges.length ? k.colleges.map((c) => c.name).join("、") : t("allColleges")}
                  </Td>
                  <Td className="text-xs text-slate-600">
                    {formatDateTime(k.createdAt)}
                    <span className="block">{k.createdBy}</span>
                  </Td>
                  <Td className="text-xs text-slate-600">
                    {k.lastUsedAt ? formatDateTime(k.lastUsedAt) : t("neverUsed")}
                  </Td>
                  <Td className="text-xs text-slate-600">
                    {k.expiresAt ? formatDateTime(k.expiresAt) : t("noExpiry")}
                    <span className="block">
                      <Badge tone={k.readOnly ? "neutral" : "warning"}>
                        {k.readOnly ? t("access.readOnly") : t("access.readWrite")}
                      </Badge>
                    </span>
                  </Td>
                  <Td>
                    {k.revokedAt ? (
                      <Badge tone="danger">{t("revokedAt", { time: formatDateTime(k.revokedAt) })}</Badge>
                    ) : k.expired ? (
                      <Badge tone="danger">{t("expired")}</Badge>
                    ) : (
                      <form action={revokeApiTokenAction}>
                        <input type="hidden" name="id" value={k.id} />
                        <Button
                          type="submit"
                          variant="danger"
                          className="min-h-9 px-3 py-1.5"
                          aria-label={t("revokeNamed", { name: k.name })}
                        >
                          {t("revoke")}
                        </Button>
                      </form>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
      <Card aria-labelledby="new-token-heading" className="max-w-4xl">
        <h2 id="new-token-heading" className="mb-4 text-lg font-semibold">
          {t("new")}
        </h2>
        <ClientMessages namespaces={["admin.secret", "admin.tokens", "common.roles"]}>
          <TokenCreateForm colleges={colleges} action={createApiTokenAction} />
        </ClientMessages>
      </Card>
    </>
  );
}
