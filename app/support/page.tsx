import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStaff } from "@/lib/auth/current";
import { formatDateTime } from "@/lib/i18n/format";
import { listSupportQueue, searchSupportCases } from "@/lib/identity-cases/support-queue";
import { CASE_STATUSES } from "@/lib/identity-cases/rules";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card, PageHeader } from "@/components/ui/Card";
import { CaseStatusBadge } from "@/components/identity/CaseStatusBadge";
import { DataTable, Td, Th } from "@/components/ui/Table";
import { QueueTable } from "@/components/support/QueueTable";

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
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 50) ?? "";
  const search = { q: one(params.q), status: one(params.status), page: Number(one(params.page)) || 1 };
  const [queue, found] = await Promise.all([listSupportQueue(actor), searchSupportCases(actor, search)]);
  const pageLink = (page: number) =>
    `/support?${new URLSearchParams({ q: search.q, status: search.status, page: String(page) })}#search-title`;
  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />
      <div className="mb-6 flex flex-wrap items-center gap-3 rounded-xl bg-brand-900 px-5 py-4 text-white">
        <p className="font-semibold">{t("promise")}</p>
        <span className="ml-auto flex gap-2">
          <Badge tone="brand">{t("summary", { count: queue.items.length })}</Badge>
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
            <QueueTable items={queue.items} />
          )}
        </div>
      </Card>
      <Card className="mt-6" aria-labelledby="search-title">
        <h2 id="search-title" className="text-base font-semibold text-ink">
          {t("search.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("search.description")}</p>
        <form role="search" aria-labelledby="search-title" className="mt-3 flex flex-wrap items-end gap-3">
          <div className="min-w-0 grow">
            <label htmlFor="case-q" className="block text-sm font-medium text-slate-800">
              {t("search.q")}
            </label>
            <input
              id="case-q"
              name="q"
              type="search"
              maxLength={50}
              defaultValue={search.q}
              aria-describedby="case-q-hint"
              className="mt-1 block min-h-11 w-full rounded-lg bg-white px-3 text-sm ring-1 ring-slate-300 ring-inset"
            />
            <p id="case-q-hint" className="mt-1 text-xs text-slate-600">
              {t("search.qHint")}
            </p>
          </div>
          <div>
            <label htmlFor="case-status" className="block text-sm font-medium text-slate-800">
              {t("search.status")}
            </label>
            <select
              id="case-status"
              name="status"
              defaultValue={search.status}
              className="mt-1 block min-h-11 rounded-lg bg-white px-3 text-sm ring-1 ring-slate-300 ring-inset"
            >
              <option value="">{t("search.anyStatus")}</option>
              {CASE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`search.statuses.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="secondary" className="mb-5">
            {t("search.submit")}
          </Button>
        </form>
        {found.searched ? (
          found.rows.length === 0 ? (
            <p className="mt-3 text-sm text-slate-600">{t("search.empty")}</p>
          ) : (
            <>
              <p className="mt-3 text-sm text-slate-700" aria-live="polite">
                {t("search.total", { count: found.total })}
              </p>
              <DataTable caption={t("search.title")} stack className="mt-2" testId="case-search-results">
                <thead>
                  <tr>
                    <Th>{t("columns.kind")}</Th>
                    <Th>{t("columns.name")}</Th>
                    <Th>{t("columns.idNumber")}</Th>
                    <Th>{t("columns.status")}</Th>
                    <Th>{t("search.createdAt")}</Th>
                    <Th>{t("columns.decidedAt")}</Th>
                    <Th>{t("columns.decidedBy")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {found.rows.map((r) => (
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
                      <Td label={t("search.createdAt")} className="tabular-nums">
                        {formatDateTime(r.createdAt)}
                      </Td>
                      <Td label={t("columns.decidedAt")} className="tabular-nums">
                        {r.decidedAt ? formatDateTime(r.decidedAt) : "—"}
                      </Td>
                      <Td label={t("columns.decidedBy")}>{r.decidedBy || "—"}</Td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
              {found.pages > 1 ? (
                <nav className="mt-3 flex justify-between text-sm" aria-label={t("search.pages")}>
                  {found.page > 1 ? (
                    <Link className="text-brand-700 underline" href={pageLink(found.page - 1)}>
                      {t("search.prev")}
                    </Link>
                  ) : (
                    <span />
                  )}
                  <span className="text-slate-600">
                    {t("search.pageOf", { page: found.page, pages: found.pages })}
                  </span>
                  {found.page < found.pages ? (
                    <Link className="text-brand-700 underline" href={pageLink(found.page + 1)}>
                      {t("search.next")}
                    </Link>
                  ) : (
                    <span />
                  )}
                </nav>
              ) : null}
            </>
          )
        ) : null}
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
