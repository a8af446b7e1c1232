import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/current";
import { formatDateTime } from "@/lib/i18n/format";
import { bindingListParams, listBindingsPage, type BindingSort } from "@/lib/records/binding";
import { Badge } from "@/components/ui/Badge";
import { PageHeader } from "@/components/ui/Card";
import { cn } from "@/components/ui/cn";
import { BindingDecisionForm } from "@/components/corrections/BindingDecisionForm";
import { decideBindingAction } from "./actions";
import { RegistrarNav } from "@/components/progress/RegistrarNav";
import { DataTable, Td } from "@/components/ui/Table";
import { ListPager } from "@/components/ui/ListPager";
import { SortTh } from "@/components/ui/SortTh";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("corrections.bindings");
  return { title: t("title"), description: await metaDescription("registrarBindings") };
}

const query = z.object({ status: z.enum(["pending", "all"]).catch("pending").default("pending") });

/** 尝试绑定学籍 requests waiting for the registrar: account and record side by side. */
export default async function BindingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireStaff("recordBinding.decide");
  const t = await getTranslations("corrections.bindings");
  const tr = await getTranslations("record");
  const raw = await searchParams;
  const { status } = query.parse(raw);
  const listParams = bindingListParams(raw);
  const { rows, total, page, pages } = await listBindingsPage(actor, { status }, listParams);
  const shown = { ...listParams, page };
  const sort = { basePath: "/registrar/bindings", filters: { status }, params: shown };
  const sortColumns: BindingSort[] = ["account", "record", "createdAt", "status"];
  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />
      <RegistrarNav current="corrections" />
      <nav className="mb-4 flex gap-2" aria-label={t("status")}>
        {(["pending", "all"] as const).map((s) => (
          <Link
            key={s}
            href={`/registrar/bindings?status=${s}`}
            aria-current={s === status ? "page" : undefined}
            className={cn(
              "rounded-full px-3 py-1.5 text-sm font-medium ring-1 ring-inset",
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
              <SortTh column="account" label={t("account")} {...sort} />
              <SortTh column="record" label={t("record")} {...sort} />
              <SortTh column="createdAt" label={t("createdAt")} {...sort} />
              <SortTh column="status" label={t("status")} {...sort} />
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <tr key={b.id}>
                <Td>
                  <p className="font-medium text-ink">{b.account.name}</p>
                  <p className="font-mono text-xs">{b.account.idMasked}</p>
                  <p className="text-xs text-slate-600">{b.account.phoneMasked}</p>
                </Td>
                <Td>
                  <p className="font-medium text-ink">
                    {b.record.name} <span className="font-mono text-xs">{b.record.studentNumber}</span>
                  </p>
                  <p className="font-mono text-xs">{b.record.idMasked}</p>
                  <p className="text-xs text-slate-600">
                    {b.record.collegeName} · {b.record.className}
                  </p>
                </Td>
                <Td className="text-slate-600">{formatDateTime(b.createdAt)}</Td>
                <Td className="cell-wrap">
                  {b.status === "pending" ? (
                    <ClientMessages namespaces={["corrections.bindings"]}>
                      <BindingDecisionForm decideAction={decideBindingAction} bindingId={b.id} />
                    </ClientMessages>
                  ) : (
                    <>
                      <Badge tone={b.status === "approved" ? "success" : "danger"}>
                        {tr(`binding.status.${b.status}`)}
                      </Badge>
                      {b.reason ? <p className="mt-1 text-xs text-slate-700">{b.reason}</p> : null}
                    </>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {total > 0 ? (
        <ListPager
          id="bindings"
          basePath="/registrar/bindings"
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
