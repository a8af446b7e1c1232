import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/lib/core/form-state";
import type { RequestDetail, Stage } from "@/lib/corrections/queries";
import { HIGH_RISK_FIELDS } from "@/lib/records/fields";
import type { HistoryEntry } from "@/lib/records/history";
import { formatDateTime } from "@/lib/i18n/format";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Card, PageHeader } from "@/components/ui/Card";
import { HistoryList } from "@/components/record/HistoryList";
import { displayValue } from "@/components/record/field-value";
import { PHOTO_FIELD } from "@/lib/records/fields";
import { EvidenceList } from "./EvidenceList";
import { ReviewForm, type ReviewItem } from "./ReviewForm";
import { StatusBadge } from "./StatusBadge";
import { StudentRequestItems } from "./StudentRequestItems";
import { Timeline } from "./Timeline";
import { ClientMessages } from "@/components/i18n/ClientMessages";

/**
 * One request for a reviewer: who, what changes (before → after per field), evidence, the record's
 * history, and the decision form when the request is at this reviewer's step.
 */
export async function ReviewView({
  stage,
  basePath,
  request,
  history,
  decideAction,
}: {
  stage: Stage;
  basePath: string;
  request: RequestDetail;
  history: HistoryEntry[] | null;
  decideAction: (prev: FormState, formData: FormData) => Promise<FormState>;
}) {
  const t = await getTranslations("corrections");
  const tr = await getTranslations("record");
  const provincial = request.status === "provincial_pending";
  const actionable =
    stage === "college"
      ? request.status === "submitted"
      : request.status === "college_confirmed" || provincial;
  const underReview =
    stage === "college" ? request.items : request.items.filter((i) => i.collegeDecision === "accepted");
  const collegeRejected =
    stage === "registrar" ? request.items.filter((i) => i.collegeDecision === "rejected") : [];
  const formItems: ReviewItem[] = underReview.map((i) => ({
    id: i.id,
    label: tr(`fields.${i.field}`),
    current: displayValue(tr, i.field, i.current),
    requested: displayValue(tr, i.field, i.requested),
    submittedDiffers: i.submitted !== i.current ? displayValue(tr, i.field, i.submitted) : null,
    reason: i.reason,
    highRisk: HIGH_RISK_FIELDS.has(i.field),
    collegeDecision: i.collegeDecision,
    collegeReason: i.collegeReason,
    mono: i.field === "idNumber",
    unknownUnit:
      i.unknownUnit && (i.field === "college" || i.field === "major" || i.field === "classGroup")
        ? { kind: i.field, value: i.requested }
        : null,
  }));
  const hasIdItem = request.items.some((i) => i.field === "idNumber");
  const photoItem = underReview.find((i) => (i.field as string) === PHOTO_FIELD);
  const photoChoice = photoItem
    ? {
        itemId: photoItem.id,
        choices: request.evidence
          .filter((e) => e.mime.startsWith("image/"))
          .map((e) => ({ id: e.id, name: e.displayName })),
      }
    : undefined;
  const title =
    stage === "college"
      ? t("review.collegeTitle")
      : provincial
        ? t("review.provincialTitle")
        : t("review.registrarTitle");

  return (
    <>
      <PageHeader
        title={title}
        actions={
          <Link
            href={basePath}
            className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline"
          >
            {t("review.back")}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
        <aside className="space-y-4">
          <Card className="space-y-3">
            <h2 className="text-base font-semibold text-ink">{t("review.record")}</h2>
            {/* eslint-disable-next-line @next/next/no-img-element -- private, no-store image */}
            <img
              src={`/files/admission/${request.record.id}`}
              alt={tr("photo.alt", { name: request.record.name })}
              width={96}
              height={128}
              className="h-32 w-24 rounded-md bg-slate-100 object-cover ring-1 ring-slate-300"
            />
            <dl className="grid grid-cols-[4.5rem_1fr] gap-y-1.5 text-sm">
              <dt className="text-slate-600">{tr("fields.name")}</dt>
              <dd className="font-medium text-ink">{request.record.name}</dd>
              <dt className="text-slate-600">{tr("fields.studentNumber")}</dt>
              <dd className="font-mono text-xs">{request.record.studentNumber}</dd>
              <dt className="text-slate-600">{tr("fields.college")}</dt>
              <dd>{request.record.collegeName}</dd>
              <dt className="text-slate-600">{tr("fields.major")}</dt>
              <dd>{request.record.majorName}</dd>
              <dt className="text-slate-600">{tr("fields.classGroup")}</dt>
              <dd>{request.record.className}</dd>
            </dl>
            <div className="flex flex-wrap gap-2">
              <StatusBadge status={request.status} />
              {request.route === "provincial" ? <Badge tone="brand">{t("route.provincial")}</Badge> : null}
            </div>
            <p className="text-xs text-slate-600">
              {t("detail.createdAtLabel", { time: formatDateTime(request.createdAt) })}
            </p>
          </Card>
          <Card className="space-y-3">
            <h2 className="text-base font-semibold text-ink">{t("detail.timeline")}</h2>
            <Timeline request={request} />
          </Card>
        </aside>
        <div className="min-w-0 space-y-6">
          {hasIdItem && !request.idNumbersRevealed ? (
            <p className="text-sm text-slate-700">
              <Link
                href="?reveal=1"
                className="font-semibold text-brand-700 underline underline-offset-4"
                prefetch={false}
              >
                {t("review.revealIds")}
              </Link>{" "}
              <span className="text-slate-600">{t("review.revealNote")}</span>
            </p>
          ) : null}
          <Card className="space-y-4">
            <h2 className="text-lg font-semibold text-ink">{t("review.diff")}</h2>
            {provincial ? <Alert tone="info">{t("review.provincialLead")}</Alert> : null}
            {actionable ? (
              <ClientMessages namespaces={["corrections.decision", "corrections.review", "common.file"]}>
                <ReviewForm
                  action={decideAction}
                  requestId={request.id}
                  lockVersion={request.lockVersion}
                  items={formItems}
                  mode={stage === "college" ? "college" : provincial ? "provincial" : "registrar"}
                  photo={photoChoice}
                />
              </ClientMessages>
            ) : (
              <>
                <Alert tone="info">
                  {request.status === "submitted" && stage === "registrar"
                    ? t("errors.awaitingCollege")
                    : t("review.decided", { status: t(`status.${request.status}`) })}
                </Alert>
                <StudentRequestItems items={request.items} provincial={request.route === "provincial"} />
              </>
            )}
            {actionable && collegeRejected.length > 0 ? (
              <div>
                <h3 className="text-sm font-semibold text-ink">{t("detail.college")}</h3>
                <StudentRequestItems items={collegeRejected} provincial={request.route === "provincial"} />
              </div>
            ) : null}
          </Card>
          <Card className="space-y-3">
            <h2 className="text-lg font-semibold text-ink">{t("review.evidence")}</h2>
            <EvidenceList files={request.evidence} emptyKey="review.noEvidence" />
          </Card>
          {history ? (
            <Card>
              <HistoryList entries={history} />
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
