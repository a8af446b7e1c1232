import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/current";
import { formatDateTime } from "@/lib/i18n/format";
import { metaDescription } from "@/lib/i18n/metadata";
import { closureListParams, listClosureRequestsPage, type ClosureSort } from "@/lib/privacy/closure";
import { PageHeader } from "@/components/ui/Card";
import { cn } from "@/components/ui/cn";
import { RegistrarNav } from "@/components/progress/RegistrarNav";
import { ClosureStatusBadge } from "@/components/privacy/ClosureStatusBadge";
import { DataTable, Td, Th } from "@/components/ui/Table";
import { ListPager } from "@/components/ui/ListPager";
import { SortTh } from "@/components/ui/SortTh";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("privacy.registrar");
  return { title: t("title"), description: await metaDescription("registrarClosures") };
}

const query = z.object({ status: z.enum(["pending", "all"]).catch("pending").default("pending") });

/** 注销申请: students asking for their account to be closed (oldest pending first). */
export default async function ClosuresPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireStaff("accountClosure.decide");
  const t = await getTranslations("privacy.registrar");
  const raw = await searchParams;
  const { status } = query.parse(raw);
  const listParams = closureListParams(raw);
  const { rows, total, page, pages } = await listClosureRequestsPage(actor, { status }, listParams);
  const shown = { ...listParams, page };
  const sort = { basePath: "/registrar/closures", filters: { status }, params: shown };
  const sortColumns: ClosureSort[] = ["student", "createdAt", "status"];
  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />
      <RegistrarNav current="closures" />
      <nav className="mb-4 flex gap-2" aria-label={t("status")}>
        {(["pending", "all"] as const).map((s) => (
          <Link
            key={s}
            href={`/registrar/closures?status=${s}`}
            aria-current={s === status ? "page" : undefined}
            className={cn(
              "inline-flex min-h-10 items-center rounded-full px-3.5 text-sm font-medium ring-1 ring-inset",
              s === status
                ? "bg-brand-700 text-white ring-brand-700"
                : "bg-white text-brand-800 ring-slate-300",
            )}
          >
            {t(s)}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-sm text-slate-600 ring-1 ring-slate-200">{t("empty")}</p>
      ) : (
        <DataTable caption={t("title")} framed>
          <thead>
            <tr>
              <SortTh column="student" label={t("student")} {...sort} />
              <Th>{t("reason")}</Th>
              <SortTh column="createdAt" label={t("createdAt")} {...sort} />
              <SortTh column="status" label={t("status")} {...sort} />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <Td>
                  <p className="font-medium text-ink">{r.account.name}</p>
                  <p className="font-mono text-xs">{r.account.idMasked}</p>
                  <p className="text-xs text-slate-600">
                    {r.studentNumbers.length ? r.studentNumbers.join("、") : t("noRecord")}
                  </p>
                </Td>
                <Td className="cell-wrap max-w-xs break-words">{r.reason}</Td>
                <Td className="text-slate-600">{formatDateTime(r.createdAt)}</Td>
                <Td>
                  <div className="flex flex-wrap items-center gap-2">
                    <ClosureStatusBadge status={r.status} />
                    <Link
                      href={`/registrar/closures/${r.id}`}
                      className="inline-flex min-h-10 items-center font-medium text-brand-700 underline underline-offset-2"
                    >
                      {r.status === "pending" ? t("open") : t("view")}
                    </Link>
                  </div>
                </Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {total > 0 ? (
        <ListPager
          id="closures"
          basePath="/registrar/closures"
          filters={{ status }}
          params={shown}
          pages={pages}
          total={total}
          sortOptions={sortColumns.map((c) => ({ value: c, label: t(c) }))}
        />
      ) : null}
    </>
  );
}
