import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStaff } from "@/lib/auth/current";
import { mergeSource, mergeTargets, previewMerge } from "@/lib/roster-import/organisation-merge";
import { mergeUnitAction } from "@/app/registrar/organisation/actions";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card, PageHeader } from "@/components/ui/Card";
import { SelectField } from "@/components/ui/Field";
import { ConfirmForm } from "@/components/ui/ConfirmForm";
import { RegistrarNav } from "@/components/progress/RegistrarNav";

export async function generateMetadata() {
  const t = await getTranslations("registrar.organisation.merge");
  return { title: t("title"), description: await metaDescription("registrarOrganisationMerge") };
}

const query = z.object({
  kind: z.enum(["college", "major", "classGroup"]),
  id: z.string().min(1).max(40),
  target: z.string().max(40).optional(),
});

/** 合并: choose the unit to merge into, see everything that will move, then confirm. */
export default async function MergeUnitPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaff("roster.import");
  const t = await getTranslations("registrar");
  const tAll = await getTranslations();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const parsed = query.safeParse(raw);
  if (!parsed.success) notFound();
  const { kind, id, target } = parsed.data;
  const source = await mergeSource(actor, kind, id);
  if (!source) notFound();
  const targets = await mergeTargets(actor, kind, source);
  const preview = target ? await previewMerge(actor, { kind, sourceId: id, targetId: target }) : null;
  const unit = t(`organisation.merge.units.${kind}`);
  const counts = preview?.ok ? preview.value : null;
  const rows = counts
    ? ([
        ["records", counts.records],
        ["majors", counts.majors],
        ["classGroups", counts.classGroups],
        ["corrections", counts.corrections],
        ["correctionItems", counts.correctionItems],
        ["staff", counts.staff],
        ["tokens", counts.tokens],
        ["campaigns", counts.campaigns],
      ] as const)
    : [];
  return (
    <>
      <PageHeader title={t("title")} />
      <RegistrarNav current="organisation" />
      <p className="mb-2 text-sm">
        <Link href="/registrar/organisation" className="text-brand-700 underline">
          {t("organisation.merge.back")}
        </Link>
      </p>
      <h2 className="text-xl font-bold">{t("organisation.merge.heading", { unit, name: source.name })}</h2>
      <p className="mb-4 mt-1 text-sm text-slate-600">{t(`organisation.merge.hint.${kind}`)}</p>
      <Card className="mb-4 max-w-3xl">
        {targets.length === 0 ? (
          <p className="text-sm text-slate-600">{t("organisation.merge.noTargets")}</p>
        ) : (
          <form method="get" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="kind" value={kind} />
            <input type="hidden" name="id" value={id} />
            <SelectField
              id="merge-target"
              name="target"
              label={t("organisation.merge.target", { unit })}
              defaultValue={target ?? ""}
              className="w-full sm:w-80"
              required
            >
              <option value="">{t("organisation.merge.chooseTarget")}</option>
              {targets.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </SelectField>
            <Button type="submit" variant="secondary">
              {t("organisation.merge.previewButton")}
            </Button>
          </form>
        )}
      </Card>
      {preview && !preview.ok ? (
        <Alert tone="error" className="mb-4 max-w-3xl">
          {tAll(preview.error?.key ?? "registrar.organisation.errors.invalid", preview.error?.params)}
        </Alert>
      ) : null}
      {counts ? (
        <Card className="max-w-3xl" aria-labelledby="merge-preview-heading">
          <h3 id="merge-preview-heading" className="mb-2 text-lg font-semibold">
            {t("organisation.merge.previewTitle", { source: counts.source.name, target: counts.target.name })}
          </h3>
          <dl className="mb-4 grid grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm" data-testid="merge-preview">
            {rows.map(([key, n]) => (
              <div key={key} className="contents">
                <dt className="text-slate-700">{t(`organisation.merge.moves.${key}`)}</dt>
                <dd className="text-right font-semibold tabular-nums">{n}</dd>
              </div>
            ))}
          </dl>
          {counts.clashes.length ? (
            <Alert tone="error">
              {t("organisation.merge.clashes", { names: counts.clashes.join("、") })}
            </Alert>
          ) : (
            <ConfirmForm
              id="merge-confirm"
              action={mergeUnitAction}
              fields={{
                kind,
                sourceId: id,
                targetId: counts.target.id,
                expectedRecords: String(counts.records),
              }}
              statement={t("organisation.merge.statement", {
                source: counts.source.name,
                target: counts.target.name,
                count: counts.records,
              })}
              submit={t("organisation.merge.submit")}
              variant="danger"
            />
          )}
        </Card>
      ) : null}
    </>
  );
}
