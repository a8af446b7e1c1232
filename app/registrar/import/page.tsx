import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStaff } from "@/lib/auth/current";
import { importJobListParams, listImportJobsPage, type ImportJobSort } from "@/lib/roster-import/jobs";
import { formatDateTime } from "@/lib/i18n/format";
import { Badge } from "@/components/ui/Badge";
import { buttonClass } from "@/components/ui/Button";
import { Card, PageHeader } from "@/components/ui/Card";
import { RegistrarNav } from "@/components/progress/RegistrarNav";
import { RosterUploadForm } from "@/components/import/RosterUploadForm";
import { statusTone } from "@/components/import/status";
import { DataTable, Td, Th } from "@/components/ui/Table";
import { ListPager } from "@/components/ui/ListPager";
import { SortTh } from "@/components/ui/SortTh";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export async function generateMetadata() {
  const t = await getTranslations("import");
  return { title: t("title"), description: await metaDescription("registrarImport") };
}

export default async function ImportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaff("roster.import");
  const t = await getTranslations("import");
  const tr = await getTranslations("registrar");
  const listParams = importJobListParams(await searchParams);
  const { rows: jobs, total, page, pages } = await listImportJobsPage(actor, listParams);
  const shown = { ...listParams, page };
  const sort = { basePath: "/registrar/import", filters: {}, params: shown, anchor: "jobs-title" };
  const sortColumns: ImportJobSort[] = ["time", "file", "kind", "status", "rows"];
  return (
    <>
      <PageHeader title={tr("title")} />
      <RegistrarNav current="import" />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <h2 className="text-xl font-bold">{t("title")}</h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">{t("description")}</p>
          <ClientMessages namespaces={["common.file", "import.upload", "import.errors"]}>
            <RosterUploadForm label={t("upload.file")} submit={t("upload.submit")} />
          </ClientMessages>
        </Card>
        <Card>
          <h2 className="font-semibold">{t("upload.template")}</h2>
          <div className="mt-3 flex flex-col gap-2">
            <a className={buttonClass("secondary")} href="/registrar/import/template?format=xlsx" download>
              {t("upload.templateXlsx")}
            </a>
            <a className={buttonClass("secondary")} href="/registrar/import/template?format=csv" download>
              {t("upload.templateCsv")}
            </a>
          </div>
        </Card>
      </div>
      <section aria-labelledby="jobs-title" className="mt-8">
        <h2 id="jobs-title" className="mb-3 text-xl font-bold">
          {t("jobs.title")}
        </h2>
        {jobs.length === 0 ? (
          <Card>
            <p className="text-sm text-slate-600">{t("jobs.empty")}</p>
          </Card>
        ) : (
          <DataTable caption={t("jobs.title")} framed>
            <thead>
              <tr>
                <SortTh column="time" label={t("jobs.time")} {...sort} />
                <SortTh column="file" label={t("jobs.file")} {...sort} />
                <SortTh column="kind" label={t("jobs.kind")} {...sort} />
                <Th>{t("jobs.uploadedBy")}</Th>
                <SortTh column="status" label={t("jobs.status")} {...sort} />
                <SortTh column="rows" label={t("jobs.rows")} className="text-right" {...sort} />
                <Th>
                  <span className="sr-only">{t("jobs.open")}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id}>
                  <Td className="text-slate-600">{formatDateTime(job.createdAt)}</Td>
                  <Td>{job.fileName}</Td>
                  <Td>{t(`jobs.kinds.${job.kind === "graduation_lock" ? "graduation_lock" : "roster"}`)}</Td>
                  <Td>{job.uploadedBy ? job.uploadedBy.name : t("jobs.unknownUploader")}</Td>
                  <Td>
                    <Badge tone={statusTone(job.status)}>
                      {job.kind === "graduation_lock"
                        ? t(`graduation.status.${job.status as "previewed"}`)
                        : t(`status.${job.status as "previewed"}`)}
                    </Badge>
                  </Td>
                  <Td className="text-right tabular-nums">{job.totalRows.toLocaleString("zh-CN")}</Td>
                  <Td className="text-right">
                    <Link
                      className="font-medium text-brand-700 underline-offset-2 hover:underline"
                      href={
                        job.kind === "graduation_lock"
                          ? `/registrar/graduation-lock/${job.id}`
                          : `/registrar/import/${job.id}`
                      }
                    >
                      {t("jobs.open")}
                    </Link>
                  </Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
        {total > 0 ? (
          <ListPager
            id="jobs"
            basePath="/registrar/import"
            filters={{}}
            params={shown}
            pages={pages}
            total={total}
            anchor="jobs-title"
            sortOptions={sortColumns.map((c) => ({ value: c, label: t(`jobs.${c}`) }))}
          />
        ) : null}
      </section>
    </>
  );
}
