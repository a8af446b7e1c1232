"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { RemindStep } from "@/lib/reminders/remind-step";
import type { FormAction, FormState } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";

const idle: FormState<RemindStep> = { status: "idle" };

/**
 * 发送提醒 for the list's current filters, in two steps: the first press shows how many students will
 * receive it, who is left out and why, and the text itself; only 确认发送 sends. Works without JavaScript
 * (each step is a form post).
 */
export function RemindForm({
  hidden,
  remind,
}: {
  hidden: Record<string, string>;
  /** the college desk's 发送提醒 action */
  remind: FormAction<RemindStep>;
}) {
  const t = useTranslations("progress.remind");
  const [state, action, pending] = useActionState(remind, idle);
  const data = state.status === "success" ? state.data : undefined;
  const fields = Object.entries(hidden).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />);
  if (data?.step === "preview") {
    const { report, sample } = data.preview;
    return (
      <form action={action} className="space-y-3" aria-labelledby="remind-preview-title">
        {fields}
        <h4 id="remind-preview-title" className="text-sm font-semibold">
          {t("previewTitle")}
        </h4>
        <p className="text-sm" data-testid="remind-preview">
          {report.reached > 0
            ? t("preview", { reached: report.reached, sms: report.sms, email: report.email })
            : t("nobody")}
        </p>
        <p className="text-sm text-slate-600">
          {t("skipped", {
            reported: report.skippedReported,
            noAccount: report.skippedNoAccount,
            already: report.skippedAlreadyToday,
          })}
        </p>
        {sample ? (
          <figure>
            <figcaption className="text-sm font-medium text-slate-800">{t("textLabel")}</figcaption>
            <blockquote
              className="mt-1 rounded-lg bg-slate-50 px-3 py-2 text-sm break-words text-slate-800 ring-1 ring-slate-200"
              data-testid="remind-text"
            >
              {sample.sms}
            </blockquote>
          </figure>
        ) : null}
        <div className="flex flex-wrap gap-2">
          {report.reached > 0 ? (
            <Button type="submit" name="step" value="send" disabled={pending}>
              {t("confirm", { reached: report.reached })}
            </Button>
          ) : null}
          <Button type="submit" name="step" value="cancel" variant="ghost" disabled={pending}>
            {t("cancel")}
          </Button>
        </div>
      </form>
    );
  }
  return (
    <form action={action} className="space-y-3">
      {fields}
      <p className="text-sm text-slate-600">{t("description")}</p>
      <Button type="submit" name="step" value="preview" disabled={pending}>
        {t("submit")}
      </Button>
      {data?.step === "sent" ? (
        <Alert tone="success">
          {t("result", {
            reached: data.report.reached,
            sms: data.report.sms,
            email: data.report.email,
            noAccount: data.report.skippedNoAccount,
            already: data.report.skippedAlreadyToday,
            reported: data.report.skippedReported,
          })}
        </Alert>
      ) : null}
      <FormAlert state={state} fallback={t("failed")} />
    </form>
  );
}
