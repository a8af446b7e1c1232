import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/current";
import { listStaff } from "@/lib/admin/staff-accounts";
import { formatDateTime } from "@/lib/i18n/format";
import { AdminBreadcrumb } from "@/components/admin/AdminBreadcrumb";
import { Pager } from "@/components/admin/Pager";
import { Badge } from "@/components/ui/Badge";
import { Button, LinkButton } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/Card";
import { TableCard } from "@/components/admin/TableCard";

export async function generateMetadata() {
  const t = await getTranslations("admin.staff");
  return { title: t("title") };
}

const query = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export default async function StaffListPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const actor = await requireStaff("staff.manage");
  const t = await getTranslations("admin.staff");
  const tc = await getTranslations("common.roles");
  const { q, page } = query.parse(await searchParams);
  const { rows, total, pageSize } = await listStaff(actor, { q, page });
  return (
    <>
      <AdminBreadcrumb items={[{ label: t("title") }]} />
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={<LinkButton href="/admin/staff/new">{t("new")}</LinkButton>}
      />
      <form role="search" className="mb-4 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="q" className="block text-sm font-medium text-slate-800">
            {t("search")}
          </label>
          <input
            id="q"
            name="q"
            defaultValue={q ?? ""}
            className="mt-1.5 min-h-11 w-72 rounded-lg px-3 text-sm ring-1 ring-inset ring-slate-300"
          />
        </div>
        <Button type="submit" variant="secondary">
          {t("searchSubmit")}
        </Button>
      </form>
      <TableCard>
        {rows.length === 0 ? (
          <p className="p-6 text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">{t("title")}</caption>
            <thead className="bg-slate-50 text-xs text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3">
                  {t("fields.username")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("fields.displayName")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("fields.roles")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("fields.colleges")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("columns.state")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("columns.lastSignIn")}
                </th>
                <th scope="col" className="px-4 py-3">
                  <span className="sr-only">{t("columns.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {rows.map((s) => (
                <tr key={s.id} className={s.disabledAt ? "bg-slate-50 text-slate-500" : undefined}>
                  <td className="px-4 py-3 font-mono text-xs">{s.username}</td>
                  <td className="px-4 py-3">{s.displayName}</td>
                  <td className="px-4 py-3">
                    <span className="flex flex-wrap gap-1">
                      {s.roles.map((r) => (
                        <Badge key={r} tone="brand">
                          {tc(r)}
                        </Badge>
                      ))}
                    </span>
                  </td>
                  <td className="max-w-56 px-4 py-3 text-xs text-slate-700">
                    {s.colleges.length ? s.colleges.map((c) => c.name).join("、") : "—"}
                  </td>
                  <td className="px-4 py-3">
                    <span className="flex flex-wrap gap-1">
                      {s.disabledAt ? (
                        <Badge tone="danger">{t("state.disabled")}</Badge>
                      ) : (
                        <Badge tone="success">{t("state.active")}</Badge>
                      )}
                      {s.isDemo ? <Badge tone="warning">{t("state.demo")}</Badge> : null}
                      {s.mustChangePassword ? <Badge>{t("state.mustChange")}</Badge> : null}
                    </span>
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                    {s.lastSignInAt ? formatDateTime(s.lastSignInAt) : t("never")}
                  </td>
                  <td className="px-4 py-3 text-right">
                    <Link
                      href={`/admin/staff/${s.id}`}
                      className="font-semibold text-brand-700 underline underline-offset-4"
                      aria-label={t("editNamed", { username: s.username })}
                    >
                      {t("edit")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </TableCard>
      <Pager page={page} pageSize={pageSize} total={total} params={{ q }} />
    </>
  );
}
