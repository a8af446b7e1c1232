import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/current";
import { listOutbox, outboxListParams, type OutboxSort } from "@/lib/messaging/outbox-read";
import { formatDateTime } from "@/lib/i18n/format";
import { PageHeader } from "@/components/ui/Card";
import { AdminBreadcrumb } from "@/components/admin/AdminBreadcrumb";
import { Badge } from "@/components/ui/Badge";
import { DataTable, Td, Th } from "@/components/ui/Table";
import { Button } from "@/components/ui/Button";
import { ListPager } from "@/components/ui/ListPager";
import { SortTh } from "@/components/ui/SortTh";

export async function generateMetadata() {
  const t = await getTranslations("outbox");
  return { title: t("title"), description: await metaDescription("adminOutbox") };
}

const query = z.object({
  to: z.string().max(100).optional().catch(undefined),
});

export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requireStaff("outbox.view");
  const t = await getTranslations("outbox");
  const raw = await searchParams;
  const { to } = query.parse(raw);
  const listParams = outboxListParams(raw);
  const { rows, total, page, pages } = await listOutbox(listParams, to || undefined);
  const shown = { ...listParams, page };
  const sort = { basePath: "/admin/outbox", filters: { to }, params: shown };
  const sortColumns: OutboxSort[] = ["time", "channel", "to", "status"];
  return (
    <>
      <AdminBreadcrumb items={[{ label: t("title") }]} />
      <PageHeader title={t("title")} description={t("description")} />
      <form className="mb-4 flex flex-wrap items-end gap-2" role="search">
        <label className="text-sm font-medium" htmlFor="to">
          {t("filter")}
        </label>
        <input
          id="to"
          name="to"
          defaultValue={to ?? ""}
          className="min-h-11 rounded-lg bg-white px-3 text-sm ring-1 ring-inset ring-slate-300"
        />
        <Button type="submit" variant="secondary">
          {t("search")}
        </Button>
        <span className="text-sm text-slate-600">{t("total", { count: total })}</span>
      </form>
      {rows.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-sm text-slate-600 shadow-sm ring-1 ring-slate-200">
          {t("empty")}
        </p>
      ) : (
        <DataTable caption={t("title")} framed>
          <thead>
            <tr>
              <SortTh column="time" label={t("time")} {...sort} />
              <SortTh column="channel" label={t("channel")} {...sort} />
              <SortTh column="to" label={t("to")} {...sort} />
              <Th>{t("body")}</Th>
              <SortTh column="status" label={t("status")} {...sort} />
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id}>
                <Td className="text-slate-600">{formatDateTime(m.createdAt)}</Td>
                <Td>
                  <Badge tone={m.channel === "sms" ? "brand" : "neutral"}>{m.channel}</Badge>
                </Td>
                <Td className="font-mono text-xs">{m.to}</Td>
                <Td className="cell-wrap">
                  {m.subject ? <strong className="block">{m.subject}</strong> : null}
                  {m.body}
                </Td>
                <Td>
                  <Badge tone={m.status === "failed" ? "danger" : "success"}>{m.status}</Badge>
                </Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <ListPager
        id="outbox"
        basePath="/admin/outbox"
        filters={{ to }}
        params={shown}
        pages={pages}
        total={total}
        sortOptions={sortColumns.map((c) => ({ value: c, label: t(c) }))}
      />
    </>
  );
}
