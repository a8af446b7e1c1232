"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { DecisionData } from "@/lib/identity-cases/support-forms";
import type { FormState, FormAction } from "@/lib/core/form-state";
import { REJECT_REASONS } from "@/lib/identity-cases/rules";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";
import { SelectField, TextAreaField } from "@/components/ui/Field";

const idle: FormState<DecisionData> = { status: "idle" };

/**
 * Approve, or reject with a reason from the list (+ a note, required for "other"). Two forms: approving
 * needs no reason, and the reject button cannot be pressed by accident with Enter.
 */
export type CancelledAccount = { id: string; name: string; phone: string; createdAt: string };

export function DecisionForm({
  caseId,
  kind,
  cancelled = [],
  action,
}: {
  caseId: string;
  kind: string;
  /** accounts an approval cancels: named, and confirmed with a ticked box before the approval goes */
  cancelled?: CancelledAccount[];
  /** the route's server action (components do not import app/) */
  action: FormAction<DecisionData>;
}) {
  const t = useTranslations("support.case");
  const tr = useTranslations("identity.rejectReasons");
  const [state, formAction, pending] = useActionState(action, idle);
  if (state.status === "success" && state.data?.message)
    return <Alert tone="success">{state.data.message}</Alert>;
  return (
    <div className="space-y-6">
      <FormAlert state={state} />
      <form action={formAction} className="space-y-3">
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="decision" value="approve" />
        <p className="text-sm text-slate-700">
          {kind === "account_change"
            ? t("approveHintChange")
            : kind === "phone_release"
              ? t("approveHintRelease")
              : t("approveHintPhoto")}
        </p>
        {cancelled.length > 0 ? (
          <div
            className="space-y-2 rounded-lg bg-amber-50 p-3 ring-1 ring-amber-200"
            data-testid="cancel-confirm"
          >
            <p className="text-sm font-semibold text-amber-900">
              {t("cancelLead", { count: cancelled.length })}
            </p>
            <ul className="space-y-1 text-sm text-amber-900">
              {cancelled.map((a) => (
                <li key={a.id}>
                  {t("cancelAccount", { name: a.name, phone: a.phone || "—", created: a.createdAt })}
                </li>
              ))}
            </ul>
            <label className="flex items-start gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                name="confirmCancel"
                value={cancelled.map((a) => a.id).join(",")}
                required
                aria-invalid={state.fieldErrors?.confirmCancel ? true : undefined}
                aria-describedby={state.fieldErrors?.confirmCancel ? "confirmCancel-error" : undefined}
                className="mt-0.5 h-5 w-5 shrink-0 rounded border-slate-400"
              />
              <span>{t("cancelConfirm", { count: cancelled.length })}</span>
            </label>
            {state.fieldErrors?.confirmCancel ? (
              <p id="confirmCancel-error" role="alert" className="text-sm font-medium text-red-700">
                {state.fieldErrors.confirmCancel}
              </p>
            ) : null}
          </div>
        ) : null}
        <Button type="submit" disabled={pending} className="w-full">
          {cancelled.length > 0 ? t("approveAndCancel", { count: cancelled.length }) : t("approve")}
        </Button>
      </form>
      <form action={formAction} className="space-y-4 border-t border-slate-200 pt-5" noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="decision" value="reject" />
        <SelectField
          id="reasonCode"
          label={t("reason")}
          defaultValue={state.values?.reasonCode ?? ""}
          error={state.fieldErrors?.reasonCode}
          required
        >
          <option value="">{t("reasonPlaceholder")}</option>
          {REJECT_REASONS.map((code) => (
            <option key={code} value={code}>
              {tr(code)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          id="note"
          label={t("note")}
          hint={t("noteHint")}
          maxLength={200}
          defaultValue={state.values?.note ?? ""}
          error={state.fieldErrors?.note}
        />
        <Button type="submit" variant="danger" disabled={pending} className="w-full">
          {t("reject")}
        </Button>
      </form>
    </div>
  );
}
