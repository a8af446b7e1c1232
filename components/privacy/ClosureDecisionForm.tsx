"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ClosureDecisionAction, ClosureDecisionState } from "@/lib/privacy/closure-decision-state";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";
import { TextAreaField } from "@/components/ui/Field";

/** 同意注销 or 不同意 (with a note the student reads) for one closure request. */
export function ClosureDecisionForm({
  decideAction,
  requestId,
  canApprove,
}: {
  decideAction: ClosureDecisionAction;
  requestId: string;
  canApprove: boolean;
}) {
  const t = useTranslations("privacy.registrar");
  const [state, action, pending] = useActionState<ClosureDecisionState, FormData>(decideAction, {
    status: "idle",
  });
  if (state.status === "success" && state.data) {
    return <Alert tone="success">{t(state.data.status === "approved" ? "approved" : "rejected")}</Alert>;
  }
  return (
    <form action={action} noValidate className="space-y-4" aria-label={t("title")}>
      <input type="hidden" name="requestId" value={requestId} />
      <FormAlert state={state} />
      <TextAreaField
        id="closure-note"
        name="note"
        label={t("note")}
        hint={t("noteHint")}
        maxLength={500}
        defaultValue={state.values?.note ?? ""}
        error={state.fieldErrors?.note}
      />
      <div className="flex flex-wrap gap-3">
        <Button
          type="submit"
          name="decision"
          value="approve"
          variant="danger"
          disabled={pending || !canApprove}
        >
          {t("approve")}
        </Button>
        <Button type="submit" name="decision" value="reject" variant="secondary" disabled={pending}>
          {t("reject")}
        </Button>
      </div>
    </form>
  );
}
