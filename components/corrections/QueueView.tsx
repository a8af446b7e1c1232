import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { ListParams } from "@/lib/core/list-params";
import type { QueueRow, QueueSort, Stage } from "@/lib/corrections/queries";
import { Alert } from "@/components/ui/Alert";
import { Button, buttonClass } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/Card";
import { SelectField } from "@/components/ui/Field";
import { ListPager } from "@/components/ui/ListPager";
import { BulkForm } from "./BulkForm";
import type { BulkAction } from "@/lib/corrections/bulk-state";
import { QueueTable } from "./QueueTable";
import { ClientMessages } from "@/components/i18n/ClientMessages";

const STATUS_FILTERS: Record<Stage, string[]> = {
  college: [
    "pending",
    "college_confirmed",
    "college_rejected",
    "provincial_pending",
    "approved",
    "rejected",
    "withdrawn",
    "all",
  ],
  registrar: [
    "pending",
    "provincial_pending",
    "approved",
    "rejected",
    "provincial_approved",
    "provincial_rejected",
    "submitted",
    "all",
  ],
};

/** A stage's queue page: filter (GET, bookmarkable), bulk form around the table, paging. */
export async function QueueView({
  stage,
  basePath,
  list,
  listParams,
  filter,
  colleges,
  campaigns,
  decided,
  bulkAction,
  nav,
  actions,
}: {
  stage: Stage;
  basePath: string;
  list: { rows: QueueRow[]; total: number; page: number; pages: number };
  listParams: ListParams<QueueSort>;
  filter: { status: string; q: string; collegeId: string; campaignId: string };
  /** colleges the reviewer may narrow to (the select shows when there is more than one) */
  colleges: { id: string; name: string }[];
  campaigns: { id: string; name: string }[];
  decided?: string;
  bulkAction: BulkAction;
  /** the desk's section navigation, under the header */
  nav?: ReactNode;
  actions?: ReactNode;
}) {
  const t = await getTranslations("corrections");
  const labels = Object.fromEntries(list.rows.map((r) => [r.id, `${r.studentName}(${r.studentNumber})`]));
  const shown = { ...listParams, page: list.page };
  const sortColumns: QueueSort[] = [
    "student",
    "studentNumber",
    "college",
    "class",
    "evidence",
    "createdAt",
    "status",
  ];
  // the summary is by college, status and campaign (not by a name search)
  const exportLink = (format: string) =>
    `${basePath}/export?${new URLSearchParams(
      Object.entries({
        status: filter.status,
        collegeId: filter.collegeId,
        campaignId: filter.campaignId,
        format,
      }).filter(([, v]) => v !== ""),
    )}`;
  return (
    <>
      <PageHeader
        title={t(stage === "college" ? "queue.collegeTitle" : "queue.registrarTitle")}
        description={t(stage === "college" ? "queue.collegeLead" : "queue.registrarLead")}
        actions={actions}
      />
      {nav}
      {decided && t.has(`status.${decided}`) ? (
        <Alert tone="success" className="mb-4">
          {t("review.done", { status: t(`status.${decided}`) })}
        </Alert>
      ) : null}
      <form className="mb-4 flex flex-wrap items-end gap-3" role="search">
        <SelectField id="status" label={t("queue.filter")} defaultValue={filter.status}>
          {STATUS_FILTERS[stage].map((s) => (
            <option key={s} value={s}>
              {s === "pending" ? t("queue.pending") : s === "all" ? t("queue.all") : t(`status.${s}`)}
            </option>
          ))}
        </SelectField>
        {colleges.length > 1 ? (
          <SelectField id="collegeId" label={t("queue.college")} defaultValue={filter.collegeId}>
            <option value="">{t("queue.allColleges")}</option>
            {colleges.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        {campaigns.length > 0 ? (
          <SelectField id="campaignId" label={t("queue.campaign")} defaultValue={filter.campaignId}>
            <option value="">{t("queue.allCampaigns")}</option>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <div>
          <label htmlFor="q" className="block text-sm font-medium text-slate-800">
            {t("queue.search")}
          </label>
          <input
            id="q"
            name="q"
            defaultValue={filter.q}
            className="mt-1 min-h-11 rounded-lg px-3 ring-1 ring-inset ring-slate-300"
          />
        </div>
        <Button type="submit" variant="secondary">
          {t("queue.searchButton")}
        </Button>
        <span className="pb-3 text-sm text-slate-600">{t("queue.total", { count: list.total })}</span>
      </form>
      <section
        aria-labelledby="summary-export-title"
        className="mb-4 flex flex-wrap items-center gap-2 rounded-lg bg-white p-3 ring-1 ring-slate-200"
      >
        <h2 id="summary-export-title" className="text-sm font-semibold">
          {t("queue.exportTitle")}
        </h2>
        <p className="w-full text-xs text-slate-600">{t("queue.exportHint")}</p>
        <a className={buttonClass("secondary")} href={exportLink("xlsx")} download>
          {t("queue.exportXlsx")}
        </a>
        <a className={buttonClass("secondary")} href={exportLink("csv")} download>
          {t("queue.exportCsv")}
        </a>
      </section>
      <ClientMessages namespaces={["corrections"]}>
        <BulkForm
          action={bulkAction}
          buttonLabel={t(stage === "college" ? "bulk.collegeButton" : "bulk.registrarButton")}
          labels={labels}
        >
          <QueueTable rows={list.rows} stage={stage} basePath={basePath} filters={filter} list={shown} />
        </BulkForm>
      </ClientMessages>
      <ListPager
        id="queue"
        basePath={basePath}
        filters={filter}
        params={shown}
        pages={list.pages}
        total={list.total}
        sortOptions={sortColumns
          .filter((c) => c !== "college" || stage === "registrar")
          .map((c) => ({ value: c, label: t(`queue.${c}`) }))}
      />
    </>
  );
}
