import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStaff } from "@/lib/auth/current";
import { requestMeta } from "@/lib/core/request-meta";
import { formatDateTime } from "@/lib/i18n/format";
import { caseForReview } from "@/lib/identity-cases/support-queue";
import { dueState } from "@/lib/identity-cases/working-days";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Card, PageHeader } from "@/components/ui/Card";
import { CaseStatusBadge } from "@/components/identity/CaseStatusBadge";
import { CasePhotos } from "@/components/support/CasePhotos";
import { DecisionForm } from "@/components/support/DecisionForm";
import { DueBadge } from "@/components/support/DueBadge";
import { DataTable, RowTh, Td, Th } from "@/components/ui/Table";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { decideCaseAction } from "../../actions";

export async function generateMetadata() {
  const t = await getTranslations("support.case");
  return { title: t("title"), description: await metaDescription("supportCasesId") };
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-2 text-sm">
      <dt className="text-slate-600">{label}</dt>
      <dd className="text-right font-medium text-ink">{children}</dd>
    </div>
  );
}

/**
 * One identity case for support: photos side by side with the claimed name and full ID number (the view
 * is audit-logged by the service), the accounts an approval would cancel, history, and the decision.
 */
export default async function SupportCasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff("identityCase.review");
  const { id } = await params;
  const view = await caseForReview(actor, id, { ip: (await requestMeta()).ip });
  if (!view) notFound();
  const t = await getTranslations("support");
  const tr = await getTranslations("identity.rejectReasons");
  // Audit action names contain dots, which next-intl reads as nesting: the catalogue uses underscores.
  const actionLabel = (action: string) => {
    const key = `actions.${action.replaceAll(".", "_")}`;
    return t.has(key) ? t(key) : action;
  };
  const reason = view.rejectReason
    ? view.rejectReason.note
      ? t("case.reasonWithNote", { reason: tr(view.rejectReason.code), note: view.rejectReason.note })
      : tr(view.rejectReason.code)
    : null;
  return (
    <>
      <p className="mb-3 text-sm">
        <Link href="/support" className="font-medium text-brand-700 underline-offset-4 hover:underline">
          ← {t("case.backToQueue")}
        </Link>
      </p>
      <PageHeader
        title={`${t(`kinds.${view.kind}`)} · ${view.release ? view.release.name : view.account.name}`}
        actions={<CaseStatusBadge status={view.status} />}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card aria-labelledby="photos-title">
            <h2 id="photos-title" className="mb-4 text-base font-semibold text-ink">
              {t("case.photos")}
            </h2>
            <CasePhotos caseId={view.id} has={view.hasPhotos} />
          </Card>
          {view.evidence ? (
            <Card aria-labelledby="evidence-title">
              <h2 id="evidence-title" className="mb-3 text-base font-semibold text-ink">
                {t("case.evidenceTitle")}
              </h2>
              <p className="mb-3 text-sm text-slate-700">{t("case.evidenceLead")}</p>
              <dl className="grid gap-3 sm:grid-cols-2">
                <Fact label={t("case.evidenceStudentNumber")}>
                  <span className="font-mono">{view.evidence.studentNumber}</span>
                </Fact>
                <Fact label={t("case.evidenceName")}>{view.evidence.name}</Fact>
                <Fact label={t("case.evidenceEnrolledOn")}>{view.evidence.enrolledOn}</Fact>
                <Fact label={t("case.evidenceClass")}>
                  {view.evidence.college} · {view.evidence.classGroup}
                </Fact>
              </dl>
              {view.evidence.sameIdNumber ? null : (
                <Alert tone="error" className="mt-3">
                  {t("case.evidenceIdDiffers")}
                </Alert>
              )}
            </Card>
          ) : null}
          {view.change ? (
            <Card aria-labelledby="change-title">
              <h2 id="change-title" className="mb-3 text-base font-semibold text-ink">
                {t("case.change")}
              </h2>
              {view.change.idNumberTaken ? (
                <Alert tone="error" className="mb-3">
                  {t("case.idTaken")}
                </Alert>
              ) : null}
              <DataTable caption={t("case.change")} flush>
                <thead>
                  <tr>
                    <td />
                    <Th>{t("case.before")}</Th>
                    <Th>{t("case.after")}</Th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <RowTh className="font-medium text-slate-600">{t("case.changeName")}</RowTh>
                    <Td>{view.account.name}</Td>
                    <Td className="font-semibold">{view.change.name ?? t("case.unchanged")}</Td>
                  </tr>
                  <tr>
                    <RowTh className="font-medium text-slate-600">{t("case.changeId")}</RowTh>
                    <Td className="font-mono">{view.account.idNumber}</Td>
                    <Td className="font-mono font-semibold">{view.change.idNumber ?? t("case.unchanged")}</Td>
                  </tr>
                </tbody>
              </DataTable>
            </Card>
          ) : null}
          {view.release ? (
            <Card aria-labelledby="release-title">
              <h2 id="release-title" className="mb-3 text-base font-semibold text-ink">
                {t("case.releaseTitle")}
              </h2>
              <p className="mb-3 text-sm text-slate-700">{t("case.releaseLead")}</p>
              <dl className="divide-y divide-slate-100">
                <Fact label={t("case.releasePhone")}>
                  <span className="font-mono">{view.release.phone}</span>
                </Fact>
                <Fact label={t("case.releaseHolder")}>
                  {view.release.holderName} · <span className="font-mono">{view.release.holderIdMasked}</span>
                </Fact>
              </dl>
              {view.release.sameIdNumber ? (
                <Alert tone="warning" className="mt-3">
                  {t("case.releaseSamePerson")}
                </Alert>
              ) : null}
            </Card>
          ) : null}
          <Card aria-labelledby="holders-title" className={view.release ? "hidden" : undefined}>
            <h2 id="holders-title" className="text-base font-semibold text-ink">
              {t("case.holdersTitle")}
            </h2>
            {view.otherHolders.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">{t("case.holdersNone")}</p>
            ) : (
              <>
                {view.kind === "photo_review" ? (
                  <p className="mt-1 text-sm text-slate-600">{t("case.holdersNote")}</p>
                ) : null}
                <ul className="mt-3 divide-y divide-slate-100 text-sm">
                  {view.otherHolders.map((h) => (
                    <li key={h.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <span className="font-mono">{h.phone || "—"}</span>
                      <span className="text-slate-600">{formatDateTime(h.createdAt)}</span>
                      <Badge
                        tone={
                          h.identityStatus === "cancelled"
                            ? "neutral"
                            : h.identityStatus === "verified"
                              ? "success"
                              : "warning"
                        }
                      >
                        {t(`case.accountStatuses.${h.identityStatus}`)}
                      </Badge>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Card>
          <Card aria-labelledby="history-title">
            <h2 id="history-title" className="text-base font-semibold text-ink">
              {t("case.historyTitle")}
            </h2>
            <ol className="mt-3 space-y-2 text-sm">
              {view.history.map((h) => (
                <li key={h.id} className="flex flex-wrap gap-x-3">
                  <span className="text-slate-600">{formatDateTime(h.createdAt)}</span>
                  <span className="font-medium">{actionLabel(h.action)}</span>
                  <span className="text-slate-600">
                    {t(`actorTypes.${h.actorType}`)}
                    {h.actorLabel ? ` ${h.actorLabel}` : ""}
                  </span>
                </li>
              ))}
            </ol>
            {view.earlierCases.length > 0 ? (
              <>
                <h3 className="mt-5 text-sm font-semibold text-ink">{t("case.earlierTitle")}</h3>
                <ul className="mt-2 space-y-1.5 text-sm">
                  {view.earlierCases.map((c) => (
                    <li key={c.id} className="flex flex-wrap items-center gap-2">
                      <span className="text-slate-600">{formatDateTime(c.createdAt)}</span>
                      <span>{t(`kinds.${c.kind}`)}</span>
                      <CaseStatusBadge status={c.status} />
                      {c.rejectReason ? (
                        <span className="text-slate-600">
                          {c.rejectReason.note
                            ? t("case.reasonWithNote", {
                                reason: tr(c.rejectReason.code),
                                note: c.rejectReason.note,
                              })
                            : tr(c.rejectReason.code)}
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </Card>
        </div>
        <div className="space-y-6">
          <Card aria-labelledby="claimed-title">
            <h2 id="claimed-title" className="text-base font-semibold text-ink">
              {t("case.claimed")}
            </h2>
            <dl className="mt-2 divide-y divide-slate-100">
              <Fact label={t("case.name")}>
                <span className="text-lg">{view.release ? view.release.name : view.account.name}</span>
              </Fact>
              <Fact label={t("case.idNumber")}>
                <span className="font-mono text-base tracking-wide" data-testid="full-id-number">
                  {view.release ? view.release.idNumber : view.account.idNumber}
                </span>
              </Fact>
              <Fact label={t("case.phone")}>{view.release ? view.release.phone : view.account.phone}</Fact>
              <Fact label={t("case.accountCreated")}>{formatDateTime(view.account.createdAt)}</Fact>
              <Fact label={t("case.accountStatus")}>
                {t(`case.accountStatuses.${view.account.identityStatus}`)}
              </Fact>
              <Fact label={t("case.rosterMatch")}>
                {view.rosterMatch ? t("case.rosterMatchYes") : t("case.rosterMatchNo")}
              </Fact>
              <Fact label={t("case.createdAt")}>{formatDateTime(view.createdAt)}</Fact>
              <Fact label={t("case.due")}>
                <DueBadge dueAt={view.dueAt} due={dueState(view.dueAt, new Date())} />
              </Fact>
            </dl>
            <p className="mt-3 text-xs text-slate-600">{t("case.idNumberLogged")}</p>
          </Card>
          <Card aria-labelledby="decision-title">
            <h2 id="decision-title" className="mb-3 text-base font-semibold text-ink">
              {t("case.decisionTitle")}
            </h2>
            {view.status === "pending" ? (
              <ClientMessages namespaces={["identity.rejectReasons", "support.case"]}>
                <DecisionForm
                  action={decideCaseAction}
                  caseId={view.id}
                  kind={view.kind}
                  cancelled={view.otherHolders
                    .filter((h) => h.cancelledOnApproval)
                    .sort((a, b) => (a.id < b.id ? -1 : 1))
                    .map((h) => ({
                      id: h.id,
                      name: h.name,
                      phone: h.phone,
                      createdAt: formatDateTime(h.createdAt),
                    }))}
                />
              </ClientMessages>
            ) : (
              <p className="text-sm text-slate-700">
                {t("case.decided", {
                  time: view.decidedAt ? formatDateTime(view.decidedAt) : "—",
                  by: view.decidedBy || "—",
                  status: t(`status.${view.status}`),
                })}
                {reason ? t("case.reasonInParens", { reason }) : null}
              </p>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
