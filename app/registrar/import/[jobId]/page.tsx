import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/current";
import { parseConflict } from "@/lib/roster-import/decide";
import { getImportJob, listIssues, parseJobError, parseJobSummary } from "@/lib/roster-import/jobs";
import { fieldLabel, issueText } from "@/lib/roster-import/report";
import { formatDateTime } from "@/lib/i18n/format";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { buttonClass } from "@/components/ui/Button";
import { Card, PageHeader } from "@/components/ui/Card";
import { AutoRefresh } from "@/components/import/AutoRefresh";
import { CommitForm } from "../_components/CommitForm";
import { ChangeList } from "@/components/import/ChangeList";
import { ConflictDecision } from "../_components/ConflictDecision";
import { ConfirmForm } from "@/components/ui/ConfirmForm";
import { listChanges, uploaderNames } from "@/lib/roster-import/changes";
import { discardImportAction } from "../actions";
import { statusTone } from "@/components/import/status";
import { Pagination } from "@/components/ui/Pagination";
import { RegistrarNav } from "@/components/progress/RegistrarNav";
import { DataTable, Td, Th } from "@/components/ui/Table";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export async function generateMetadata() {
  const t = await getTranslations("import");
  return { title: t("title"), description: await metaDescription("registrarImportJobId") };
}

const pageParam = z.coerce.number().int().min(1).max(100_000).catch(1);
/** page: issues; cpage: changed students; npage: new students; xpage: conflicts */
const query = z.object({ page: pageParam, cpage: pageParam, npage: pageParam, xpage: pageParam });

export default async function ImportJobPage({
  params,
  searchParams,
}: {
  params: Promise<{ jobId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireStaff("roster.import");
  const t = await getTranslations("import");
  const tAll = await getTranslations();
  const { jobId } = await params;
  const { page, cpage, npage, xpage } = query.parse(await searchParams);
  const job = await getImportJob(actor, jobId);
  if (!job) notFound();
  if (job.kind === "graduation_lock") redirect(`/registrar/graduation-lock/${job.id}`);
  const running = job.status === "previewing" || job.status === "committing";
  const summary = parseJobSummary(job.summary);
  const shown = job.status === "previewed" || job.status === "committed";
  const [issues, conflicts, changed, added, names] = await Promise.all([
    listIssues(actor, job.id, { page, severity: "error" }),
    shown ? listIssues(actor, job.id, { page: xpage, severity: "conflict" }) : null,
    shown ? listChanges(actor, job, { kinds: ["changed"], page: cpage }) : null,
    shown ? listChanges(actor, job, { kinds: ["new"], page: npage }) : null,
    uploaderNames([job.createdById]),
  ]);
  const uploader = names.get(job.createdById);
  const hrefWith = (key: string, value: number, anchor: string) => {
    const params = new URLSearchParams({
      page: String(page),
      cpage: String(cpage),
      npage: String(npage),
      xpage: String(xpage),
      [key]: String(value),
    });
    return `/registrar/import/${job.id}?${params}#${anchor}`;
  };
  const error = parseJobError(job.error);
  const counts = [
    { key: "total", value: job.totalRows },
    { key: "new", value: job.newRows },
    { key: "changed", value: job.changedRows },
    { key: "unchanged", value: job.unchangedRows },
    { key: "errors", value: job.errorRows },
    { key: "conflicts", value: job.conflictRows },
  ] as const;
  const percent =
    job.status === "committing" && job.totalRows > 0
      ? Math.min(100, Math.round((job.processedRows / job.totalRows) * 100))
      : null;

  return (
    <>
      <PageHeader title={tAll("registrar.title")} />
      <RegistrarNav current="import" />
      <AutoRefresh active={running} />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-xl font-bold">{t("job.title", { file: job.fileName })}</h2>
          <p className="text-sm text-slate-600">
            {formatDateTime(job.createdAt)} ·{" "}
            {t("jobs.uploadedByLine", { name: uploader?.name ?? t("jobs.unknownUploader") })}
          </p>
        </div>
        <div className="flex items-center gap-3">
          <Badge tone={statusTone(job.status)}>{t(`status.${job.status as "previewed"}`)}</Badge>
          <Link
            className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
            href="/registrar/import"
          >
            {t("job.back")}
          </Link>
        </div>
      </div>

      {running ? (
        <Card className="mb-6">
          <p role="status" aria-live="polite" className="text-sm font-medium">
            {t("job.running", { count: job.processedRows })}
          </p>
          {percent !== null ? (
            <progress
              className="mt-3 h-3 w-full"
              max={100}
              value={percent}
              aria-label={t("job.progressLabel")}
            >
              {percent}%
            </progress>
          ) : (
            <progress className="mt-3 h-3 w-full" aria-label={t("job.progressLabel")} />
          )}
        </Card>
      ) : null}

      {job.status === "failed" && error ? (
        <Alert tone="error" title={t("job.failedTitle")} className="mb-6">
          {tAll(error.key, error.params)}
          <div className="mt-2">
            <Link className="font-medium underline" href="/registrar/import">
              {t("job.reupload")}
            </Link>
          </div>
        </Alert>
      ) : null}

      {job.status === "discarded" ? (
        <Alert tone="info" className="mb-6">
          {t("discard.discardedNotice")}
        </Alert>
      ) : null}

      {job.status === "previewed" || job.status === "committed" ? (
        <Card className="mb-6">
          <h3 className="mb-3 text-lg font-semibold">
            {job.status === "previewed" ? t("job.previewTitle") : t("job.committedTitle")}
          </h3>
          <dl className="grid grid-cols-3 gap-3 sm:grid-cols-6" data-testid="import-counts">
            {counts.map((c) => (
              <div
                key={c.key}
                className="rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200"
                data-count={c.key}
              >
                <dt className="text-xs text-slate-600">{t(`job.${c.key}`)}</dt>
                <dd className="text-xl font-bold tabular-nums">{c.value.toLocaleString("zh-CN")}</dd>
              </div>
            ))}
          </dl>
          {summary && summary.ignoredColumns.length > 0 ? (
            <Alert tone="warning" className="mt-4">
              {t("job.ignoredColumns", { columns: summary.ignoredColumns.join("、") })}
            </Alert>
          ) : null}
          {summary && job.kind === "roster" ? (
            <section aria-labelledby="units-title" className="mt-5">
              <h4 id="units-title" className="font-semibold">
                {job.status === "previewed" ? t("job.toCreate") : t("job.created")}
              </h4>
              {summary.created.counts.colleges +
                summary.created.counts.majors +
                summary.created.counts.classGroups ===
              0 ? (
                <p className="mt-1 text-sm text-slate-600">{t("job.noneToCreate")}</p>
              ) : (
                <div className="mt-2 grid gap-4 md:grid-cols-3" data-testid="units-to-create">
                  <UnitList
                    title={t("job.colleges", { count: summary.created.counts.colleges })}
                    items={summary.created.colleges}
                  />
                  <UnitList
                    title={t("job.majors", { count: summary.created.counts.majors })}
                    items={summary.created.majors.map((m) => `${m.college} / ${m.name}`)}
                  />
                  <UnitList
                    title={t("job.classGroups", { count: summary.created.counts.classGroups })}
                    items={summary.created.classGroups.map((g) => `${g.college} / ${g.name}`)}
                  />
                </div>
              )}
            </section>
          ) : null}
        </Card>
      ) : null}

      {changed && changed.total > 0 ? (
        <ChangeList
          id="changed-students"
          title={
            job.status === "previewed"
              ? t("changes.changedTitle", { count: changed.total })
              : t("changes.changedDoneTitle", { count: changed.total })
          }
          caption={t("changes.changedCaption")}
          note={t("changes.changedNote")}
          rows={changed.rows}
          total={changed.total}
          page={cpage}
          pageSize={changed.pageSize}
          hrefFor={(p) => hrefWith("cpage", p, "changed-students-title")}
          showFields
        />
      ) : null}

      {added && added.total > 0 ? (
        <ChangeList
          id="new-students"
          title={t("changes.newTitle", { count: job.newRows.toLocaleString("zh-CN") })}
          caption={t("changes.newCaption")}
          note={
            job.newRows > added.total
              ? t("changes.newCapped", { shown: added.total.toLocaleString("zh-CN") })
              : undefined
          }
          rows={added.rows}
          total={added.total}
          page={npage}
          pageSize={added.pageSize}
          hrefFor={(p) => hrefWith("npage", p, "new-students-title")}
          showFields={false}
        />
      ) : null}

      {conflicts && conflicts.total > 0 ? (
        <Card className="mb-6">
          <h3 id="conflicts-title" className="text-lg font-semibold">
            {t("conflicts.titleCount", { count: conflicts.total })}
          </h3>
          <p className="mb-3 text-sm text-slate-600">
            {job.status === "previewed" ? t("conflicts.previewDescription") : t("conflicts.description")}
          </p>
          <ClientMessages namespaces={["import.conflicts"]}>
            <DataTable caption={t("conflicts.title")}>
              <thead>
                <tr>
                  <Th>{t("job.row")}</Th>
                  <Th>{t("job.studentNumber")}</Th>
                  <Th>{t("job.field")}</Th>
                  <Th>{t("conflicts.current")}</Th>
                  <Th>{t("conflicts.file")}</Th>
                  <Th>
                    <span className="sr-only">{t("conflicts.title")}</span>
                  </Th>
                </tr>
              </thead>
              <tbody>
                {conflicts.rows.map((issue) => {
                  const detail = parseConflict(issue.message);
                  if (!detail) return null;
                  return (
                    <tr key={issue.id}>
                      <Td className="tabular-nums">{issue.rowNumber}</Td>
                      <Td className="font-mono text-xs">{issue.studentNumber}</Td>
                      <Td>{fieldLabel(issue.field)}</Td>
                      <Td>{detail.before}</Td>
                      <Td>{detail.after}</Td>
                      <Td>
                        {job.status !== "committed" ? (
                          <Badge tone="warning">{t("conflicts.afterCommit")}</Badge>
                        ) : detail.decision ? (
                          <Badge tone="neutral">
                            {detail.decision === "keep"
                              ? t("conflicts.decidedKeep")
                              : t("conflicts.decidedTake")}
                          </Badge>
                        ) : (
                          <ConflictDecision jobId={job.id} issueId={issue.id} />
                        )}
                      </Td>
                    </tr>
                  );
                })}
              </tbody>
            </DataTable>
          </ClientMessages>
          {conflicts.total > conflicts.pageSize ? (
            <Pagination
              page={xpage}
              pages={Math.ceil(conflicts.total / conflicts.pageSize)}
              hrefFor={(p) => hrefWith("xpage", p, "conflicts-title")}
            />
          ) : null}
        </Card>
      ) : null}

      {job.status === "previewed" || job.status === "failed" ? (
        <div className="mb-6 grid gap-6 lg:grid-cols-2">
          {job.status === "previewed" ? (
            <Card>
              <h3 className="mb-2 text-lg font-semibold">{t("job.commitTitle")}</h3>
              <CommitForm jobId={job.id} label={t("job.commit")} hint={t("job.commitHint")} />
            </Card>
          ) : null}
          <Card>
            <h3 className="mb-2 text-lg font-semibold">{t("discard.title")}</h3>
            <p className="mb-3 text-sm text-slate-600">{t("discard.hint")}</p>
            <ConfirmForm
              id="discard"
              action={discardImportAction}
              fields={{ jobId: job.id }}
              statement={t("discard.statement")}
              submit={t("discard.submit")}
              variant="secondary"
            />
          </Card>
        </div>
      ) : null}

      {!running && job.status !== "failed" && job.status !== "discarded" ? (
        <section aria-labelledby="issues-title">
          <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
            <h3 id="issues-title" className="text-lg font-semibold">
              {t("job.issuesTitle")}
            </h3>
            <a className={buttonClass("secondary")} href={`/registrar/import/${job.id}/report`} download>
              {t("job.report")}
            </a>
          </div>
          {issues.total === 0 ? (
            <Card>
              <p className="text-sm text-slate-600">{t("job.noIssues")}</p>
            </Card>
          ) : (
            <DataTable caption={t("job.issuesTitle")} framed testId="issues-table">
              <thead>
                <tr>
                  <Th>{t("job.row")}</Th>
                  <Th>{t("job.studentNumber")}</Th>
                  <Th>{t("job.field")}</Th>
                  <Th>{t("job.message")}</Th>
                </tr>
              </thead>
              <tbody>
                {issues.rows.map((issue) => (
                  <tr key={issue.id}>
                    <Td className="tabular-nums">{issue.rowNumber}</Td>
                    <Td className="font-mono text-xs">{issue.studentNumber}</Td>
                    <Td>{fieldLabel(issue.field)}</Td>
                    <Td>{issueText((key, values) => tAll(key, values), issue.message)}</Td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
          {issues.total > issues.pageSize ? (
            <Pagination
              page={page}
              pages={Math.ceil(issues.total / issues.pageSize)}
              hrefFor={(p) => hrefWith("page", p, "issues-title")}
            />
          ) : null}
        </section>
      ) : null}
    </>
  );
}

function UnitList({ title, items }: { title: string; items: string[] }) {
  return (
    <div>
      <h5 className="text-sm font-medium text-slate-700">{title}</h5>
      {items.length > 0 ? (
        <ul className="mt-1 max-h-48 list-disc space-y-0.5 overflow-y-auto pl-5 text-sm">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
