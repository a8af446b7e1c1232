import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/current";
import { formatDateTime } from "@/lib/i18n/format";
import { metaDescription } from "@/lib/i18n/metadata";
import { closureRequestDetail } from "@/lib/privacy/closure";
import { Alert } from "@/components/ui/Alert";
import { Card, PageHeader } from "@/components/ui/Card";
import { RegistrarNav } from "@/components/progress/RegistrarNav";
import { ClosureEffects } from "@/components/account/ClosureSection";
import { ClosureDecisionForm } from "@/components/privacy/ClosureDecisionForm";
import { decideClosureAction } from "../actions";
import { ClosureStatusBadge } from "@/components/privacy/ClosureStatusBadge";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("privacy.registrar");
  return { title: t("title"), description: await metaDescription("registrarClosures") };
}

/** One closure request: who asks, why, what approval deletes and keeps, and the decision. */
export default async function ClosureDecisionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff("accountClosure.decide");
  const { id } = await params;
  const row = await closureRequestDetail(actor, id.slice(0, 40));
  if (!row) notFound();
  const t = await getTranslations("privacy.registrar");
  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />
      <RegistrarNav current="closures" />
      <p className="mb-4">
        <Link
          href="/registrar/closures"
          className="inline-flex min-h-10 items-center text-sm font-medium text-brand-700 underline"
        >
          {t("back")}
        </Link>
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="font-medium text-slate-600">{t("student")}</dt>
              <dd className="mt-1 text-ink">
                <span className="font-medium">{row.account.name}</span>{" "}
                <span className="font-mono text-xs">{row.account.idMasked}</span>
                {row.account.phoneMasked ? (
                  <span className="ml-2 text-xs text-slate-600">{row.account.phoneMasked}</span>
                ) : null}
              </dd>
            </div>
            <div>
              <dt className="font-medium text-slate-600">{t("records")}</dt>
              <dd className="mt-1 font-mono text-ink">
                {row.studentNumbers.length ? row.studentNumbers.join("、") : t("noRecord")}
              </dd>
            </div>
            <div>
              <dt className="font-medium text-slate-600">{t("reason")}</dt>
              <dd className="mt-1 whitespace-pre-wrap break-words text-ink">{row.reason}</dd>
            </div>
            <div>
              <dt className="font-medium text-slate-600">{t("createdAt")}</dt>
              <dd className="mt-1 text-ink">{formatDateTime(row.createdAt)}</dd>
            </div>
            <div>
              <dt className="font-medium text-slate-600">{t("status")}</dt>
              <dd className="mt-1 flex flex-wrap items-center gap-2">
                <ClosureStatusBadge status={row.status} />
                {row.decidedAt ? (
                  <span className="text-slate-600">
                    {t("decidedAt")}: {formatDateTime(row.decidedAt)}
                  </span>
                ) : null}
              </dd>
              {row.decisionNote ? (
                <dd className="mt-1 break-words text-slate-700">{row.decisionNote}</dd>
              ) : null}
            </div>
          </dl>
        </Card>
        <Card>
          <h2 className="mb-3 text-base font-semibold text-ink">{t("effectTitle")}</h2>
          <ClosureEffects audience="registrar" />
          {row.status === "pending" ? (
            <div className="mt-6 space-y-4">
              {row.openCorrections > 0 ? (
                <Alert tone="warning">{t("openCorrectionsWarning", { count: row.openCorrections })}</Alert>
              ) : null}
              <ClientMessages namespaces={["privacy.registrar"]}>
                <ClosureDecisionForm
                  decideAction={decideClosureAction}
                  requestId={row.id}
                  canApprove={row.openCorrections === 0}
                />
              </ClientMessages>
            </div>
          ) : row.status === "approved" || row.status === "rejected" ? (
            <Alert tone={row.status === "approved" ? "success" : "info"} className="mt-6">
              {t(row.status)}
            </Alert>
          ) : null}
        </Card>
      </div>
    </>
  );
}
