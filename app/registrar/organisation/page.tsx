import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStaff } from "@/lib/auth/current";
import { organisationTree } from "@/lib/roster-import/organisation";
import { Card, PageHeader } from "@/components/ui/Card";
import { RenameForm } from "./RenameForm";
import { CreateUnitForm } from "./CreateUnitForm";
import { UnitActions } from "./UnitActions";
import { Alert } from "@/components/ui/Alert";
import { RegistrarNav } from "@/components/progress/RegistrarNav";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export async function generateMetadata() {
  const t = await getTranslations("registrar.organisation");
  return { title: t("title"), description: await metaDescription("registrarOrganisation") };
}

export default async function OrganisationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaff("roster.import");
  const merged = typeof (await searchParams).merged === "string";
  const t = await getTranslations("registrar");
  const colleges = await organisationTree(actor);
  return (
    <>
      <PageHeader title={t("title")} />
      <RegistrarNav current="organisation" />
      <h2 className="text-xl font-bold">{t("organisation.title")}</h2>
      <p className="mb-4 mt-1 text-sm text-slate-600">{t("organisation.description")}</p>
      {merged ? (
        <Alert tone="success" className="mb-4">
          {t("organisation.merge.done")}
        </Alert>
      ) : null}
      {colleges.length === 0 ? <p className="text-sm text-slate-600">{t("organisation.empty")}</p> : null}
      <ClientMessages namespaces={["registrar.organisation"]}>
        <Card as="section" className="mb-4 p-4 sm:p-4" aria-labelledby="new-college-heading">
          <h3 id="new-college-heading" className="mb-2 font-semibold">
            {t("organisation.create.collegeHeading")}
          </h3>
          <CreateUnitForm kind="college" idPrefix="new-college" />
        </Card>
        <div className="space-y-3">
          {colleges.map((college) => (
            <Card key={college.id} as="div" className="p-4 sm:p-4" data-testid="college-unit">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <div className="flex items-center gap-2">
                  <span className="font-mono text-xs text-slate-500">{college.code}</span>
                  <RenameForm kind="college" id={college.id} name={college.name} />
                </div>
                <span className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
                  {t("organisation.records", { count: college._count.records })}
                  <UnitActions kind="college" id={college.id} name={college.name} />
                </span>
              </div>
              <details className="mt-3">
                <summary className="cursor-pointer text-sm font-medium text-brand-800">
                  {t("organisation.majors")} ({college.majors.length}) · {t("organisation.classGroups")} (
                  {college.classGroups.length})
                </summary>
                <div className="mt-3 grid gap-4 lg:grid-cols-2">
                  <ul className="space-y-2" aria-label={t("organisation.majors")}>
                    {college.majors.map((m) => (
                      <li key={m.id} className="flex flex-wrap items-center justify-between gap-2">
                        <RenameForm kind="major" id={m.id} name={m.name} />
                        <span className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
                          {t("organisation.records", { count: m._count.records })}
                          <UnitActions kind="major" id={m.id} name={m.name} />
                        </span>
                      </li>
                    ))}
                  </ul>
                  <ul
                    className="max-h-96 space-y-2 overflow-y-auto"
                    aria-label={t("organisation.classGroups")}
                  >
                    {college.classGroups.map((g) => (
                      <li key={g.id} className="flex flex-wrap items-center justify-between gap-2">
                        <RenameForm kind="classGroup" id={g.id} name={g.name} />
                        <span className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
                          {t("organisation.records", { count: g._count.records })}
                          <UnitActions kind="classGroup" id={g.id} name={g.name} />
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
                <div className="mt-4 grid gap-4 border-t border-slate-200 pt-4 lg:grid-cols-2">
                  <CreateUnitForm
                    kind="major"
                    collegeId={college.id}
                    idPrefix={`new-major-${college.code}`}
                  />
                  <CreateUnitForm
                    kind="classGroup"
                    collegeId={college.id}
                    majors={college.majors}
                    idPrefix={`new-class-${college.code}`}
                  />
                </div>
              </details>
            </Card>
          ))}
        </div>
      </ClientMessages>
    </>
  );
}
