import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStaff } from "@/lib/auth/current";
import { formatDateTime } from "@/lib/i18n/format";
import { listChanges, uploaderNames } from "@/lib/roster-import/changes";
import { getGraduationLock } from "@/lib/roster-import/graduation-lock";
import { listIssues } from "@/lib/roster-import/jobs";
import { discardImportAction } from "@/app/registrar/import/actions";
import { confirmGraduationLockAction, undoGraduationLockAction } from "../actions";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { buttonClass } from "@/components/ui/Button";
import { Card, PageHeader } from "@/components/ui/Card";
import { ConfirmForm } from "@/components/ui/ConfirmForm";
import { DataTable, Td, Th } from "@/components/ui/Table";
import { statusTone } from "@/components/import/status";
import { Pagination } from "@/components/ui/Pagination";
import { RegistrarNav } from "@/components/progress/RegistrarNav";

export async function generateMetadata() {
  const t = await getTranslations("import.graduation");
  return { title: t("title"), description: await metaDescription("registrarGraduationLockJob") };
}

const query = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

export default async function GraduationLockJobPage({
  params,
  searchParams,
}: {
  params: Promise<{ jobId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireStaff("graduationLock.manage");
  const t = await getTranslations("import.graduation");
  const tAll = await getTranslations();
  const { jobId } = await params;
  const { page } = query.parse(await searchParams);
  const job = await getGraduationLock(actor, jobId);
  if (!job) notFound();
  // before the confirmation: who would be locked; after: who this file locked
  const kinds = job.status === "previewed" ? (["lock"] as const) : (["locked"] as const);
  const [students, unknown, names] = await Promise.all([
    listChanges(actor, job, { kinds: [...kinds], page }),
    listIssues(actor, job.id, { page: 1, severity: "error", pageSize: 20 }),
    uploaderNames([job.createdById]),
  ]);
  const uploader = names.get(job.createdById);
  const count = job.changedRows;
  const counts = [
    { key: "countTotal", value: job.totalRows },
    { key: job.status === "previewed" ? "countToLock" : "countLocked", value: job.changedRows },
    { key: "countAlready", value: job.unchangedRows },
    { key: "countUnknown", value: job.errorRows },
  ] as const;

  return (
    <>
      <PageHeader title={tAll("registrar.title")} />
      <RegistrarNav current="graduationLock" />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-xl font-bold">{t("jobTitle", { file: job.fileName })}</h2>
          <p className="text-sm text-slate-600">
            {formatDateTime(job.createdAt)} ·{" "}
            {tAll("import.jobs.uploadedByLine", {
              name: uploader?.name ?? tAll("import.jobs.unknownUploader"),
            })}
          </p>
        </div>
        <div className="flex items-center gap-3">
          <Badge tone={statusTone(job.status)}>{t(`status.${job.status as "previewed"}`)}</Badge>
          <Link
            className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
            href="/registrar/graduation-lock"
          >
            {t("back")}
          </Link>
        </div>
      </div>

      <Card className="mb-6">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="lock-counts">
          {counts.map((c) => (
            <div key={c.key} className="rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200" data-count={c.key}>
              <dt className="text-xs text-slate-600">{t(c.key)}</dt>
              <dd className="text-xl font-bold tabular-nums">{c.value.toLocaleString("zh-CN")}</dd>
            </div>
          ))}
        </dl>
        {job.status === "previewed" ? (
          <Alert tone="warning" className="mt-4">
            {t("previewNotice", { count })}
          </Alert>
        ) : job.status === "undone" ? (
          <Alert tone="info" className="mt-4">
            {t("undoneNotice")}
          </Alert>
        ) : job.status === "discarded" ? (
          <Alert tone="info" className="mt-4">
            {t("discardedNotice")}
          </Alert>
        ) : null}
      </Card>

      {students.total > 0 && job.status !== "discarded" ? (
        <section aria-labelledby="students-title" className="mb-6">
          <h3 id="students-title" className="mb-3 text-lg font-semibold">
            {job.status === "previewed"
              ? t("listToLock", { count: students.total })
              : t("listLocked", { count: students.total })}
          </h3>
          <DataTable caption={t("listCaption")} framed testId="lock-students">
            <thead>
              <tr>
                <Th>{tAll("import.job.row")}</Th>
                <Th>{tAll("import.job.studentNumber")}</Th>
                <Th>{t("name")}</Th>
                <Th>{t("college")}</Th>
                <Th>{t("classGroup")}</Th>
              </tr>
            </thead>
            <tbody>
              {students.rows.map((s) => (
                <tr key={s.id}>
                  <Td className="tabular-nums">{s.rowNumber}</Td>
                  <Td className="font-mono text-xs">{s.studentNumber}</Td>
                  <Td>{s.name}</Td>
                  <Td>{s.college ?? ""}</Td>
                  <Td>{s.classGroup ?? ""}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          {students.total > students.pageSize ? (
            <Pagination
              page={page}
              pages={Math.ceil(students.total / students.pageSize)}
              hrefFor={(p) => `/registrar/graduation-lock/${job.id}?page=${p}#students-title`}
            />
          ) : null}
        </section>
      ) : null}

      {unknown.total > 0 ? (
        <Alert tone="warning" className="mb-6">
          <p>{t("unknownSample", { list: unknown.rows.map((r) => r.studentNumber).join("、") })}</p>
          <a
            className="mt-1 inline-block font-medium underline"
            href={`/registrar/import/${job.id}/report`}
            download
          >
            {t("report")}
          </a>
        </Alert>
      ) : null}

      {job.status === "previewed" ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <h3 className="mb-2 text-lg font-semibold">{t("confirmTitle")}</h3>
            {job.changedRows > 0 ? (
              <ConfirmForm
                id="lock-confirm"
                action={confirmGraduationLockAction}
                fields={{ jobId: job.id }}
                statement={t("confirmStatement", { count })}
                submit={t("confirmSubmit", { count })}
              />
            ) : (
              <p className="text-sm text-slate-600">{t("nothingToLock")}</p>
            )}
          </Card>
          <Card>
            <h3 className="mb-2 text-lg font-semibold">{tAll("import.discard.title")}</h3>
            <p className="mb-3 text-sm text-slate-600">{tAll("import.discard.hint")}</p>
            <ConfirmForm
              id="discard"
              action={discardImportAction}
              fields={{ jobId: job.id }}
              statement={tAll("import.discard.statement")}
              submit={tAll("import.discard.submit")}
              variant="secondary"
            />
          </Card>
        </div>
      ) : null}

      {job.status === "committed" ? (
        <Card className="max-w-2xl">
          <h3 className="mb-2 text-lg font-semibold">{t("undoTitle")}</h3>
          <p className="mb-3 text-sm text-slate-600">{t("undoHint")}</p>
          <ConfirmForm
            id="lock-undo"
            action={undoGraduationLockAction}
            fields={{ jobId: job.id }}
            statement={t("undoStatement", { count })}
            submit={t("undoSubmit", { count })}
            variant="danger"
          />
        </Card>
      ) : null}

      {job.status === "discarded" || job.status === "undone" ? (
        <Link className={buttonClass("secondary")} href="/registrar/graduation-lock">
          {t("back")}
        </Link>
      ) : null}
    </>
  );
}
