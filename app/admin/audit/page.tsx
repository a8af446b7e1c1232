import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStaff } from "@/lib/auth/current";
import { auditFacets, auditListParams, listAuditLog, type AuditSort } from "@/lib/admin/audit-log";
import { auditFilterSchema } from "@/lib/admin/audit-schemas";
import { auditActionKey } from "@/lib/admin/audit-words";
import { formatDateTime } from "@/lib/i18n/format";
import { AdminBreadcrumb } from "@/components/admin/AdminBreadcrumb";
import { AuditDetails } from "@/components/admin/AuditDetails";
import { ListPager } from "@/components/ui/ListPager";
import { SortTh } from "@/components/ui/SortTh";
import { Badge } from "@/components/ui/Badge";
import { DataTable, Td, Th } from "@/components/ui/Table";
import { Button, buttonClass } from "@/components/ui/Button";
import { Card, PageHeader } from "@/components/ui/Card";
import { SelectField } from "@/components/ui/Field";

export async function generateMetadata() {
  const t = await getTranslations("admin.audit");
  return { title: t("title"), description: await metaDescription("adminAudit") };
}

const control =
  "mt-1.5 block min-h-11 w-full rounded-lg bg-white px-3 text-sm ring-1 ring-inset ring-slate-300";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireStaff("audit.view");
  const t = await getTranslations("admin.audit");
  const raw = await searchParams;
  const filter = auditFilterSchema.parse(raw);
  const listParams = auditListParams(raw);
  const [{ rows, total, page, pages }, facets] = await Promise.all([
    listAuditLog(actor, filter, listParams),
    auditFacets(actor),
  ]);
  const { page: _page, ...kept } = filter;
  const shown = { ...listParams, page };
  const sort = { basePath: "/admin/audit", filters: kept, params: shown };
  const sortColumns: AuditSort[] = ["time", "actor", "action", "target", "ip"];
  const actionName = (action: string) =>
    t.has(`actionNames.${auditActionKey(action)}`) ? t(`actionNames.${auditActionKey(action)}`) : action;
  const typeName = (type: string) => (t.has(`targetTypes.${type}`) ? t(`targetTypes.${type}`) : type);
  const exportQuery = new URLSearchParams(
    Object.entries(kept).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  ).toString();
  return (
    <>
      <AdminBreadcrumb items={[{ label: t("title") }]} />
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <a
            className={buttonClass("secondary")}
            href={`/admin/audit/export${exportQuery ? `?${exportQuery}` : ""}`}
            download
          >
            {t("export")}
          </a>
        }
      />
      <Card className="mb-4">
        <form role="search" aria-label={t("filters")} className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <SelectField id="action" label={t("filter.action")} defaultValue={filter.action ?? ""}>
            <option value="">{t("filter.all")}</option>
            {facets.actions
              .map((a) => ({ a, name: actionName(a) }))
              .sort((x, y) => x.name.localeCompare(y.name, "zh-CN"))
              .map(({ a, name }) => (
                <option key={a} value={a}>
                  {name}
                </option>
              ))}
          </SelectField>
          <div>
            <label htmlFor="actor" className="text-sm font-medium text-slate-800">
              {t("filter.actor")}
            </label>
            <input id="actor" name="actor" defaultValue={filter.actor ?? ""} className={control} />
          </div>
          <SelectField id="targetType" label={t("filter.targetType")} defaultValue={filter.targetType ?? ""}>
            <option value="">{t("filter.all")}</option>
            {facets.targetTypes.map((a) => (
              <option key={a} value={a}>
                {typeName(a)}
              </option>
            ))}
          </SelectField>
          <div className="sm:col-span-2">
            <label htmlFor="student" className="text-sm font-medium text-slate-800">
              {t("filter.student")}
            </label>
            <input
              id="student"
              name="student"
              type="search"
              defaultValue={filter.student ?? ""}
              aria-describedby="student-hint"
              className={control}
            />
            <p id="student-hint" className="mt-1 text-xs text-slate-600">
              {t("filter.studentHint")}
            </p>
          </div>
          <div>
            <label htmlFor="targetId" className="text-sm font-medium text-slate-800">
              {t("filter.targetId")}
            </label>
            <input id="targetId" name="targetId" defaultValue={filter.targetId ?? ""} className={control} />
          </div>
          <div>
            <label htmlFor="from" className="text-sm font-medium text-slate-800">
              {t("filter.from")}
            </label>
            <input id="from" name="from" type="date" defaultValue={filter.from ?? ""} className={control} />
          </div>
          <div>
            <label htmlFor="to" className="text-sm font-medium text-slate-800">
              {t("filter.to")}
            </label>
            <input id="to" name="to" type="date" defaultValue={filter.to ?? ""} className={control} />
          </div>
          <div className="flex items-end gap-2 sm:col-span-3 lg:col-span-6">
            <Button type="submit">{t("filter.submit")}</Button>
            <a href="/admin/audit" className={buttonClass("ghost")}>
              {t("filter.reset")}
            </a>
            <span className="ml-auto text-sm text-slate-600">{t("total", { count: total })}</span>
          </div>
        </form>
      </Card>
      {rows.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-600">{t("empty")}</p>
        </Card>
      ) : (
        <DataTable caption={t("title")} framed>
          <thead>
            <tr>
              <SortTh column="time" label={t("columns.time")} {...sort} />
              <SortTh column="actor" label={t("columns.actor")} {...sort} />
              <SortTh column="action" label={t("columns.action")} {...sort} />
              <SortTh column="target" label={t("columns.target")} {...sort} />
              <Th>{t("columns.changes")}</Th>
              <SortTh column="ip" label={t("columns.ip")} {...sort} />
            </tr>
          </thead>
          <tbody className="align-top">
            {rows.map((r) => (
              <tr key={r.id}>
                <Td className="text-slate-600">{formatDateTime(r.createdAt)}</Td>
                <Td>
                  <Badge
                    tone={r.actorType === "api" ? "warning" : r.actorType === "staff" ? "brand" : "neutral"}
                  >
                    {t(`actorTypes.${r.actorType}`)}
                  </Badge>
                  <span className="ml-1.5 font-mono text-xs">{r.actorLabel ?? "—"}</span>
                </Td>
                <Td>
                  <span className="block text-sm">{actionName(r.action)}</span>
                  <span className="block font-mono text-xs text-slate-500">{r.action}</span>
                </Td>
                <Td className="text-xs">
                  {r.targetType ? <span className="text-slate-600">{typeName(r.targetType)}</span> : "—"}
                  {r.target ? (
                    <span className="block text-sm text-ink">
                      {r.target.name}
                      {r.target.studentNumberMasked ? (
                        <span className="ml-1.5 font-mono text-xs text-slate-600">
                          {t("studentNumber", { number: r.target.studentNumberMasked })}
                        </span>
                      ) : null}
                    </span>
                  ) : r.targetId ? (
                    <span className="block font-mono">{r.targetId}</span>
                  ) : null}
                </Td>
                <Td className="cell-wrap min-w-72">
                  <AuditDetails before={r.before} after={r.after} />
                </Td>
                <Td className="font-mono text-xs text-slate-600">{r.ip ?? ""}</Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <ListPager
        id="audit"
        basePath="/admin/audit"
        filters={kept}
        params={shown}
        pages={pages}
        total={total}
        sortOptions={sortColumns.map((c) => ({ value: c, label: t(`columns.${c}`) }))}
      />
    </>
  );
}
