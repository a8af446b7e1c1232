import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/current";
import { listStaff, staffListParams, type StaffSort } from "@/lib/admin/staff-accounts";
import { formatDateTime } from "@/lib/i18n/format";
import { AdminBreadcrumb } from "@/components/admin/AdminBreadcrumb";
import { ListPager } from "@/components/ui/ListPager";
import { SortTh } from "@/components/ui/SortTh";
import { Badge } from "@/components/ui/Badge";
import { Button, LinkButton } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/Card";
import { DataTable, Td, Th } from "@/components/ui/Table";

export async function generateMetadata() {
  const t = await getTranslations("admin.staff");
  return { title: t("title"), description: await metaDescription("adminStaff") };
}

const query = z.object({ q: z.string().trim().max(50).optional().catch(undefined) });

export default async function StaffListPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const actor = await requireStaff("staff.manage");
  const t = await getTranslations("admin.staff");
  const tc = await getTranslations("common.roles");
  const raw = await searchParams;
  const { q } = query.parse(raw);
  const listParams = staffListParams(raw);
  const { rows, total, page, pages } = await listStaff(actor, { q }, listParams);
  const shown = { ...listParams, page };
  const sort = { basePath: "/admin/staff", filters: { q }, params: shown };
  const sortColumns: { column: StaffSort; label: string }[] = [
    { column: "username", label: t("fields.username") },
    { column: "displayName", label: t("fields.displayName") },
    { column: "roles", label: t("fields.roles") },
    { column: "state", label: t("columns.state") },
  ];
  return (
    <>
      <AdminBreadcrumb items={[{ label: t("title") }]} />
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <span className="flex flex-wrap gap-2">
            <LinkButton href="/admin/staff/new">{t("new")}</LinkButton>
            <LinkButton href="/admin/staff/import" variant="secondary">
              {t("bulkLink")}
            </LinkButton>
          </span>
        }
      />
      <form role="search" className="mb-4 flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 sm:flex-none">
          <label htmlFor="q" className="block text-sm font-medium text-slate-800">
            {t("search")}
          </label>
          <input
            id="q"
            name="q"
            defaultValue={q ?? ""}
            className="mt-1.5 min-h-11 w-full rounded-lg bg-white px-3 text-sm ring-1 ring-inset ring-slate-300 sm:w-72"
          />
        </div>
        <Button type="submit" variant="secondary">
          {t("searchSubmit")}
        </Button>
      </form>
      {rows.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-sm text-slate-600 shadow-sm ring-1 ring-slate-200">
          {t("empty")}
        </p>
      ) : (
        <DataTable caption={t("title")} stack framed>
          <thead>
            <tr>
              <SortTh column="username" label={t("fields.username")} {...sort} />
              <SortTh column="displayName" label={t("fields.displayName")} {...sort} />
              <SortTh column="roles" label={t("fields.roles")} {...sort} />
              <Th>{t("fields.colleges")}</Th>
              <SortTh column="state" label={t("columns.state")} {...sort} />
              <Th>{t("columns.lastSignIn")}</Th>
              <Th>
                <span className="sr-only">{t("columns.actions")}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id} className={s.disabledAt ? "bg-slate-50 text-slate-500" : undefined}>
                <Td label={t("fields.username")} className="font-mono text-xs">
                  {s.username}
                </Td>
                <Td label={t("fields.displayName")}>{s.displayName}</Td>
                <Td label={t("fields.roles")}>
                  <span className="flex flex-wrap gap-1">
                    {s.roles.map((r) => (
                      <Badge key={r} tone="brand">
                        {tc(r)}
                      </Badge>
                    ))}
                  </span>
                </Td>
                <Td label={t("fields.colleges")} wrap className="text-xs text-slate-700">
                  {s.colleges.length ? s.colleges.map((c) => c.name).join("、") : "—"}
                </Td>
                <Td label={t("columns.state")}>
                  <span className="flex flex-wrap gap-1">
                    {s.disabledAt ? (
                      <Badge tone="danger">{t("state.disabled")}</Badge>
                    ) : (
                      <Badge tone="success">{t("state.active")}</Badge>
                    )}
                    {s.isDemo ? <Badge tone="warning">{t("state.demo")}</Badge> : null}
                    {s.mustChangePassword ? <Badge>{t("state.mustChange")}</Badge> : null}
                  </span>
                </Td>
                <Td label={t("columns.lastSignIn")} className="text-slate-600 tabular-nums">
                  {s.lastSignInAt ? formatDateTime(s.lastSignInAt) : t("never")}
                </Td>
                <Td className="cell-action sm:text-right">
                  <Link
                    href={`/admin/staff/${s.id}`}
                    className="font-semibold text-brand-700 underline underline-offset-4"
                    aria-label={t("editNamed", { username: s.username })}
                  >
                    {t("edit")}
                  </Link>
                </Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <ListPager
        id="staff"
        basePath="/admin/staff"
        filters={{ q }}
        params={shown}
        pages={pages}
        total={total}
        sortOptions={sortColumns.map((c) => ({ value: c.column, label: c.label }))}
      />
    </>
  );
}
