import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStaff } from "@/lib/auth/current";
import { formatDateTime } from "@/lib/i18n/format";
import { listSupportQueue, supportListParams, type SupportSort } from "@/lib/identity-cases/support-queue";
import { CASE_STATUSES } from "@/lib/identity-cases/rules";
import { Badge } from "@/components/ui/Badge";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { CaseSearch } from "@/components/support/CaseSearch";
import { Card, PageHeader } from "@/components/ui/Card";
import { CaseStatusBadge } from "@/components/identity/CaseStatusBadge";
import { DataTable, Td, Th } from "@/components/ui/Table";
import { QueueTable } from "@/components/support/QueueTable";
import { ListPager } from "@/components/ui/ListPager";
import { searchCasesAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("support");
  return { title: t("title"), description: await metaDescription("support") };
}

/** 客服审核 (SPEC §7): the identity-case queue with the 3-working-day promise highlighted. */
export default async function SupportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaff("identityCase.review");
  const t = await getTranslations("support");
  const listParams = supportListParams(await searchParams);
  const queue = await listSupportQueue(actor, new Date(), listParams);
  const shown = { ...listParams, page: queue.page };
  const sortColumns: SupportSort[] = ["kind", "createdAt", "age", "due"];
  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />
      <div className="mb-6 flex flex-wrap items-center gap-3 rounded-xl bg-brand-900 px-5 py-4 text-white">
        <p className="font-semibold">{t("promise")}</p>
        <span className="ml-auto flex gap-2">
          <Badge tone="brand">{t("summary", { count: queue.total })}</Badge>
          {queue.overdue > 0 ? (
            <Badge tone="danger">{t("overdueSummary", { count: queue.overdue })}</Badge>
          ) : null}
        </span>
      </div>
      <Card className="p-0 sm:p-0" aria-labelledby="queue-title">
        <h2 id="queue-title" className="px-5 pt-5 text-base font-semibold text-ink">
          {t("queueTitle")}
        </h2>
        <div className="mt-2 border-t border-slate-100">
          {queue.items.length === 0 ? (
            <p className="p-5 text-sm text-slate-600">{t("empty")}</p>
          ) : (
            <QueueTable items={queue.items} list={shown} />
          )}
          <ListPager
            id="support-queue"
            basePath="/support"
            filters={{}}
            params={shown}
            pages={queue.pages}
            total={queue.total}
            anchor="queue-title"
            className="px-5 pb-5"
            sortOptions={sortColumns.map((c) => ({ value: c, label: t(`columns.${c}`) }))}
          />
        </div>
      </Card>
      <Card className="mt-6" aria-labelledby="search-title">
        <ClientMessages namespaces={["support.search", "support.columns", "support.kinds"]}>
          <CaseSearch statuses={[...CASE_STATUSES]} action={searchCasesAction} />
        </ClientMessages>
      </Card>
      {queue.recent.length > 0 ? (
        <Card className="mt-6 p-0 sm:p-0" aria-labelledby="recent-title">
          <h2 id="recent-title" className="px-5 pt-5 text-base font-semibold text-ink">
            {t("recentTitle")}
          </h2>
          <DataTable caption={t("recentTitle")} stack className="mt-2 border-t border-slate-100">
            <thead>
              <tr>
                <Th>{t("columns.kind")}</Th>
                <Th>{t("columns.name")}</Th>
                <Th>{t("columns.idNumber")}</Th>
                <Th>{t("columns.status")}</Th>
                <Th>{t("columns.decidedAt")}</Th>
                <Th>{t("columns.decidedBy")}</Th>
              </tr>
            </thead>
            <tbody>
              {queue.recent.map((r) => (
                <tr key={r.id}>
                  <Td label={t("columns.kind")}>{t(`kinds.${r.kind}`)}</Td>
                  <Td label={t("columns.name")}>
                    <Link
                      className="text-brand-700 underline-offset-4 hover:underline"
                      href={`/support/cases/${r.id}`}
                    >
                      {r.name}
                    </Link>
                  </Td>
                  <Td label={t("columns.idNumber")} className="font-mono">
                    {r.idMasked}
                  </Td>
                  <Td label={t("columns.status")}>
                    <CaseStatusBadge status={r.status} />
                  </Td>
                  <Td label={t("columns.decidedAt")} className="tabular-nums">
                    {r.decidedAt ? formatDateTime(r.decidedAt) : "—"}
                  </Td>
                  <Td label={t("columns.decidedBy")}>{r.decidedBy || "—"}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </Card>
      ) : null}
    </>
  );
}
