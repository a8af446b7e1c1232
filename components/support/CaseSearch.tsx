"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { CaseSearchData } from "@/lib/identity-cases/support-forms";
import type { FormState, FormAction } from "@/lib/core/form-state";
import { formatDateTime } from "@/lib/i18n/format";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { SelectField } from "@/components/ui/Field";
import { DataTable, Td, Th } from "@/components/ui/Table";

const idle: FormState<CaseSearchData> = { status: "idle" };
const TONES = { pending: "warning", approved: "success", rejected: "danger", cancelled: "neutral" } as const;
const control =
  "mt-1 block min-h-11 w-full rounded-lg bg-white px-3 text-sm ring-1 ring-slate-300 ring-inset";

/**
 * 查询工单: every reviewed case, closed ones included, by name, full ID number or phone number. Posted (not
 * a GET form) so the number never lands in a URL; works without JavaScript.
 */
export function CaseSearch({ statuses, action }: { statuses: string[]; action: FormAction<CaseSearchData> }) {
  const t = useTranslations("support.search");
  const tc = useTranslations("support.columns");
  const tk = useTranslations("support.kinds");
  const [state, formAction, pending] = useActionState(action, idle);
  const found = state.status === "success" ? state.data : undefined;
  return (
    <section aria-labelledby="search-title">
      <h2 id="search-title" className="text-base font-semibold text-ink">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("description")}</p>
      <form
        action={formAction}
        role="search"
        aria-labelledby="search-title"
        className="mt-3 flex flex-wrap items-end gap-3"
      >
        <div className="min-w-0 grow">
          <label htmlFor="case-q" className="block text-sm font-medium text-slate-800">
            {t("q")}
          </label>
          <input
            id="case-q"
            name="q"
            type="search"
            maxLength={50}
            autoComplete="off"
            defaultValue={found?.q ?? ""}
            aria-describedby="case-q-hint"
            className={control}
          />
          <p id="case-q-hint" className="mt-1 text-xs text-slate-600">
            {t("qHint")}
          </p>
        </div>
        <SelectField
          // remounted with the searched status (SelectField keys on defaultValue): React resets the form
          // after the search
          id="case-status"
          name="status"
          label={t("status")}
          defaultValue={found?.status ?? ""}
          className="mb-5"
        >
          <option value="">{t("anyStatus")}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary" className="mb-5" disabled={pending}>
          {t("submit")}
        </Button>
        {found?.searched && found.pages > 1 ? (
          <nav className="flex w-full items-center justify-between text-sm" aria-label={t("pages")}>
            {found.page > 1 ? (
              <Button type="submit" variant="ghost" name="page" value={String(found.page - 1)}>
                {t("prev")}
              </Button>
            ) : (
              <span />
            )}
            <span className="text-slate-600">{t("pageOf", { page: found.page, pages: found.pages })}</span>
            {found.page < found.pages ? (
              <Button type="submit" variant="ghost" name="page" value={String(found.page + 1)}>
                {t("next")}
              </Button>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </form>
      {found?.searched ? (
        found.rows.length === 0 ? (
          <p className="mt-3 text-sm text-slate-600" role="status">
            {t("empty")}
          </p>
        ) : (
          <>
            <p className="mt-3 text-sm text-slate-700" role="status">
              {t("total", { count: found.total })}
            </p>
            <DataTable caption={t("title")} stack className="mt-2" testId="case-search-results">
              <thead>
                <tr>
                  <Th>{tc("kind")}</Th>
                  <Th>{tc("name")}</Th>
                  <Th>{tc("idNumber")}</Th>
                  <Th>{tc("status")}</Th>
                  <Th>{t("createdAt")}</Th>
                  <Th>{tc("decidedAt")}</Th>
                  <Th>{tc("decidedBy")}</Th>
                </tr>
              </thead>
              <tbody>
                {found.rows.map((r) => (
                  <tr key={r.id}>
                    <Td label={tc("kind")}>{tk(r.kind)}</Td>
                    <Td label={tc("name")}>
                      <Link
                        className="text-brand-700 underline-offset-4 hover:underline"
                        href={`/support/cases/${r.id}`}
                      >
                        {r.name}
                      </Link>
                    </Td>
                    <Td label={tc("idNumber")} className="font-mono">
                      {r.idMasked}
                    </Td>
                    <Td label={tc("status")}>
                      <Badge tone={TONES[r.status as keyof typeof TONES] ?? "neutral"}>
                        {t.has(`statuses.${r.status}`) ? t(`statuses.${r.status}`) : r.status}
                      </Badge>
                    </Td>
                    <Td label={t("createdAt")} className="tabular-nums">
                      {formatDateTime(r.createdAt)}
                    </Td>
                    <Td label={tc("decidedAt")} className="tabular-nums">
                      {r.decidedAt ? formatDateTime(r.decidedAt) : "—"}
                    </Td>
                    <Td label={tc("decidedBy")}>{r.decidedBy || "—"}</Td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </>
        )
      ) : null}
    </section>
  );
}
