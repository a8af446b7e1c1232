"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { BindingDecisionAction, BindingDecisionState } from "@/lib/records/binding-decision-state";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";

/** Confirm (确认绑定) or refuse with a reason, for one binding request. */
export function BindingDecisionForm({
  decideAction,
  bindingId,
}: {
  decideAction: BindingDecisionAction;
  bindingId: string;
}) {
  const t = useTranslations("corrections.bindings");
  const [state, action, pending] = useActionState<BindingDecisionState, FormData>(decideAction, {
    status: "idle",
  });
  if (state.status === "success" && state.data) {
    return <Alert tone="success">{t(state.data.status === "approved" ? "approved" : "rejected")}</Alert>;
  }
  const reasonError = state.fieldErrors?.reason;
  const reasonId = `reason-${bindingId}`;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="bindingId" value={bindingId} />
      <FormAlert state={state} />
      <label htmlFor={reasonId} className="block text-xs font-medium text-slate-700">
        {t("reason")}
      </label>
      <input
        id={reasonId}
        name="reason"
        maxLength={500}
        defaultValue={state.values?.reason ?? ""}
        aria-invalid={!!reasonError || undefined}
        aria-describedby={reasonError ? `${reasonId}-error` : undefined}
        className="block min-h-10 w-full rounded-md px-2.5 text-sm ring-1 ring-inset ring-slate-300"
      />
      {reasonError ? (
        <p id={`${reasonId}-error`} role="alert" className="text-sm font-medium text-red-700">
          {reasonError}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" name="decision" value="approve" disabled={pending}>
          {t("approve")}
        </Button>
        <Button type="submit" name="decision" value="reject" variant="secondary" disabled={pending}>
          {t("reject")}
        </Button>
      </div>
    </form>
  );
}
