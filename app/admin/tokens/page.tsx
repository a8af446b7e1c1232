import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/current";
import { listApiTokens } from "@/lib/admin/api-tokens";
import { listColleges } from "@/lib/admin/staff-accounts";
import { formatDateTime } from "@/lib/i18n/format";
import { AdminBreadcrumb } from "@/components/admin/AdminBreadcrumb";
import { TokenCreateForm } from "@/components/admin/TokenCreateForm";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card, PageHeader } from "@/components/ui/Card";
import { TableCard } from "@/components/admin/TableCard";
import { revokeApiTokenAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("admin.tokens");
  return { title: t("title") };
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
      <TableCard className="mb-6" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className="px-5 pt-5 text-lg font-semibold sm:px-6">
          {t("listTitle")}
        </h2>
        {tokens.length === 0 ? (
          <p className="p-6 text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <table className="mt-3 min-w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3">
                  {t("fields.name")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("columns.prefix")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("fields.role")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("fields.colleges")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("columns.created")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("columns.lastUsed")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("columns.state")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {tokens.map((k) => (
                <tr key={k.id} className={k.revokedAt ? "bg-slate-50 text-slate-500" : undefined}>
                  <td className="px-4 py-3 font-medium">{k.name}</td>
                  <td className="px-4 py-3 font-mono text-xs">{k.prefix}…</td>
                  <td className="px-4 py-3">
                    {k.roles.map((r) => (
                      <Badge key={r} tone="brand">
                        {tc(r)}
                      </Badge>
                    ))}
                  </td>
                  <td className="max-w-56 px-4 py-3 text-xs">
                    {k.colleges.length ? k.colleges.map((c) => c.name).join("、") : t("allColleges")}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-xs text-slate-600">
                    {formatDateTime(k.createdAt)}
                    <span className="block">{k.createdBy}</span>
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-xs text-slate-600">
                    {k.lastUsedAt ? formatDateTime(k.lastUsedAt) : t("neverUsed")}
                  </td>
                  <td className="px-4 py-3">
                    {k.revokedAt ? (
                      <Badge tone="danger">{t("revokedAt", { time: formatDateTime(k.revokedAt) })}</Badge>
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
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </TableCard>
      <Card aria-labelledby="new-token-heading" className="max-w-4xl">
        <h2 id="new-token-heading" className="mb-4 text-lg font-semibold">
          {t("new")}
        </h2>
        <TokenCreateForm colleges={colleges} />
      </Card>
    </>
  );
}
