import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/i18n/format";
import type { RecordPage } from "@/lib/records/student-page";
import type { ConfirmRecordAction } from "@/lib/records/form-states";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { LinkButton } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { ConfirmForm } from "./ConfirmForm";

type Page = Extract<RecordPage, { kind: "record" }>;

/**
 * Where the student stands in the current campaign and what they can do: confirm (only inside an open
 * window, and again after the record changed), or report an error. While a correction is being handled
 * the confirm button is replaced by its status.
 */
export async function SelfCheckPanel({ page, confirm }: { page: Page; confirm: ConfirmRecordAction }) {
  const t = await getTranslations("record.selfCheck");
  const tc = await getTranslations("corrections");
  const { campaign, check, changedSinceConfirm, openRequest, record } = page;
  const confirmed = !!check?.confirmedAt && !changedSinceConfirm;
  const reportLink = (
    <LinkButton href={`/record/report?r=${record.id}`} variant="secondary" className="w-full sm:w-auto">
      {t("report")}
    </LinkButton>
  );

  return (
    <Card aria-labelledby="self-check-title" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="self-check-title" className="text-lg font-semibold text-ink">
          {t("title")}
        </h2>
        {openRequest ? (
          // Reported after (or instead of) confirming: the request's state is the truth, not 已完成自查.
          <Badge tone="warning">{t("reported", { status: tc(`status.${openRequest.status}`) })}</Badge>
        ) : campaign ? (
          confirmed ? (
            <Badge tone="success">{t("done")}</Badge>
          ) : check ? (
            <Badge tone="brand">{t("viewed")}</Badge>
          ) : null
        ) : null}
      </div>
      {campaign ? (
        <p className="text-sm text-slate-700">
          {t("campaign", { name: campaign.name, endsAt: formatDateTime(campaign.endsAt) })}
          {check ? (
            <span className="block text-slate-600">
              {t("viewedAt", { time: formatDateTime(check.firstViewedAt) })}
            </span>
          ) : null}
        </p>
      ) : (
        <Alert tone="info">{t("noCampaign")}</Alert>
      )}

      {campaign && confirmed && !openRequest && check?.confirmedAt ? (
        <Alert tone="success" title={t("done")}>
          {t("doneAt", { time: formatDateTime(check.confirmedAt) })}
        </Alert>
      ) : null}
      {campaign && changedSinceConfirm ? (
        <Alert tone="warning" title={t("changed")}>
          {t("changedBody")}
        </Alert>
      ) : null}

      {openRequest ? (
        <Alert tone="warning">
          {confirmed && check?.confirmedAt ? (
            <span className="mb-1 block">
              {t("confirmedThenReported", { time: formatDateTime(check.confirmedAt) })}
            </span>
          ) : null}
          {t("openRequest", { status: tc(`status.${openRequest.status}`) })}{" "}
          <Link
            className="font-semibold underline underline-offset-4"
            href={`/record/requests/${openRequest.id}`}
          >
            {t("viewRequest")}
          </Link>
        </Alert>
      ) : campaign && !confirmed ? (
        <div className="space-y-3">
          <p className="text-sm font-medium text-slate-800">{t("prompt")}</p>
          <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
            <ConfirmForm
              confirm={confirm}
              recordId={record.id}
              version={record.version}
              labels={{
                confirm: t("confirm"),
                confirming: t("confirming"),
                // the time is filled in by the form when the server answers
                confirmedNow: t.raw("confirmedNow") as string,
              }}
            />
            {reportLink}
          </div>
        </div>
      ) : (
        <div>{reportLink}</div>
      )}
    </Card>
  );
}
