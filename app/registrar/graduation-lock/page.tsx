import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStaff } from "@/lib/auth/current";
import { formatDateTime } from "@/lib/i18n/format";
import { uploaderNames } from "@/lib/roster-import/changes";
import { listGraduationLocks } from "@/lib/roster-import/graduation-lock";
import { Badge } from "@/components/ui/Badge";
import { Card, PageHeader } from "@/components/ui/Card";
import { DataTable, Td, Th } from "@/components/ui/Table";
import { GraduationLockForm } from "./_components/GraduationLockForm";
import { statusTone } from "@/components/import/status";
import { RegistrarNav } from "@/components/progress/RegistrarNav";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export async function generateMetadata() {
  const t = await getTranslations("import.graduation");
  return { title: t("title"), description: await metaDescription("registrarGraduationLock") };
}

export default async function GraduationLockPage() {
  const actor = await requireStaff("graduationLock.manage");
  const t = await getTranslations();
  const locks = await listGraduationLocks(actor);
  const names = await uploaderNames(locks.map((l) => l.createdById));
  return (
    <>
      <PageHeader title={t("registrar.title")} />
      <RegistrarNav current="graduationLock" />
      <Card className="max-w-3xl">
        <h2 className="mb-4 text-xl font-bold">{t("import.graduation.title")}</h2>
        <ClientMessages namespaces={["common.file", "import.graduation", "import.upload"]}>
          <GraduationLockForm />
        </ClientMessages>
      </Card>
      <section aria-labelledby="locks-title" className="mt-8">
        <h2 id="locks-title" className="mb-3 text-xl font-bold">
          {t("import.graduation.recent")}
        </h2>
        {locks.length === 0 ? (
          <Card>
            <p className="text-sm text-slate-600">{t("import.graduation.none")}</p>
          </Card>
        ) : (
          <DataTable caption={t("import.graduation.recent")} framed>
            <thead>
              <tr>
                <Th>{t("import.jobs.time")}</Th>
                <Th>{t("import.jobs.file")}</Th>
                <Th>{t("import.jobs.uploadedBy")}</Th>
                <Th>{t("import.jobs.status")}</Th>
                <Th className="text-right">{t("import.graduation.students")}</Th>
                <Th>
                  <span className="sr-only">{t("import.jobs.open")}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {locks.map((job) => {
                const who = names.get(job.createdById);
                return (
                  <tr key={job.id}>
                    <Td className="text-slate-600">{formatDateTime(job.createdAt)}</Td>
                    <Td>{job.fileName}</Td>
                    <Td>{who ? who.name : t("import.jobs.unknownUploader")}</Td>
                    <Td>
                      <Badge tone={statusTone(job.status)}>
                        {t(`import.graduation.status.${job.status as "previewed"}`)}
                      </Badge>
                    </Td>
                    <Td className="text-right tabular-nums">{job.changedRows.toLocaleString("zh-CN")}</Td>
                    <Td className="text-right">
                      <Link
                        className="font-medium text-brand-700 underline-offset-2 hover:underline"
                        href={`/registrar/graduation-lock/${job.id}`}
                      >
                        {t("import.jobs.open")}
                      </Link>
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        )}
      </section>
    </>
  );
}
