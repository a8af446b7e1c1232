"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { remindAction } from "@/app/college/actions";
import type { FormState } from "@/lib/core/form-state";
import type { ReminderReport } from "@/lib/reminders/send";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";

const idle: FormState<ReminderReport> = { status: "idle" };

/** Sends the reminder for the list's current filters and shows who was reached and who was skipped. */
export function RemindForm({ hidden }: { hidden: Record<string, string> }) {
  const t = useTranslations("progress.remind");
  const [state, action, pending] = useActionState(remindAction, idle);
  return (
    <form action={action} className="space-y-3">
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <p className="text-sm text-slate-600">{t("description")}</p>
      <Button type="submit" disabled={pending}>
        {t("submit")}
      </Button>
      {state.status === "success" && state.data ? (
        <Alert tone="success">
          {t("result", {
            reached: state.data.reached,
            sms: state.data.sms,
            email: state.data.email,
            noAccount: state.data.skippedNoAccount,
            already: state.data.skippedAlreadyToday,
          })}
        </Alert>
      ) : null}
      {state.status === "error" ? <Alert tone="error">{state.error ?? t("failed")}</Alert> : null}
    </form>
  );
}
