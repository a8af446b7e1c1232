import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStudent } from "@/lib/auth/current";
import { formatDate } from "@/lib/i18n/format";
import { identityOverview } from "@/lib/identity-cases/overview";
import { Alert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { AccountChangeForm } from "@/app/identity/_components/AccountChangeForm";
import { PhotoSamples } from "@/components/identity/PhotoSamples";
import { CaseStatusBadge } from "@/components/identity/CaseStatusBadge";
import { StackedTable } from "@/components/ui/Table";
import { SubPageHeader } from "@/components/identity/SubPage";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export async function generateMetadata() {
  const t = await getTranslations("identity.change");
  return { title: t("title"), description: await metaDescription("identityChange") };
}

/** 账号姓名 / 证件号码变更 (SPEC §3.4): verified students only; support applies it. */
export default async function ChangePage() {
  const actor = await requireStudent({ next: "/identity/change" });
  const overview = await identityOverview(actor);
  const t = await getTranslations("identity");
  const open = overview.changeCases.find((c) => c.status === "pending");
  const columns = [
    { key: "createdAt", label: t("change.columns.createdAt") },
    { key: "change", label: t("change.columns.change"), className: "cell-wrap" },
    { key: "status", label: t("change.columns.status") },
    { key: "reason", label: t("change.columns.reason"), className: "cell-wrap" },
  ];
  const rows = overview.changeCases.map((c) => ({
    id: c.id,
    cells: {
      createdAt: formatDate(c.createdAt),
      change: [
        c.requestedName ? t("change.nameTo", { name: c.requestedName }) : null,
        c.requestedId ? t("change.idTo") : null,
      ]
        .filter(Boolean)
        .join(";"),
      status: <CaseStatusBadge status={c.status} />,
      reason: c.rejectReason
        ? c.rejectReason.note
          ? t("reasonWithNote", {
              reason: t(`rejectReasons.${c.rejectReason.code}`),
              note: c.rejectReason.note,
            })
          : t(`rejectReasons.${c.rejectReason.code}`)
        : "—",
    },
  }));
  return (
    <>
      <SubPageHeader title={t("change.title")} description={t("change.lead")} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          {open ? (
            <Alert tone="info">{t("change.open", { due: formatDate(open.dueAt) })}</Alert>
          ) : (
            <ClientMessages namespaces={["common.file", "identity.change", "identity.photos"]}>
              <AccountChangeForm />
            </ClientMessages>
          )}
        </Card>
        <Card as="div">
          <h2 className="text-base font-semibold text-ink">{t("change.current")}</h2>
          <dl className="mt-3 space-y-2 text-sm">
            <div className="flex justify-between gap-3">
              <dt className="text-slate-600">{t("verified.name")}</dt>
              <dd className="font-medium">{overview.account.name}</dd>
            </div>
            <div className="flex justify-between gap-3">
              <dt className="text-slate-600">{t("verified.idNumber")}</dt>
              <dd className="font-mono font-medium">{overview.account.idMasked}</dd>
            </div>
          </dl>
          <h3 className="mt-5 text-sm font-semibold text-ink">{t("photos.rulesTitle")}</h3>
          <ol className="mt-2 list-decimal space-y-1.5 pl-5 text-xs leading-relaxed text-slate-700">
            {(t.raw("photos.rules") as string[]).map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ol>
        </Card>
      </div>
      <Card className="mt-6">
        <PhotoSamples />
      </Card>
      {rows.length > 0 ? (
        <Card className="mt-6" aria-labelledby="change-log">
          <h2 id="change-log" className="mb-3 text-base font-semibold text-ink">
            {t("verified.changeHistory")}
          </h2>
          <StackedTable caption={t("verified.changeHistory")} columns={columns} rows={rows} />
        </Card>
      ) : null}
    </>
  );
}
