"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { withdrawAction } from "@/app/record/requests/[id]/actions";
import type { FormState } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";

export function WithdrawForm({ requestId }: { requestId: string }) {
  const t = useTranslations("corrections.withdraw");
  const [state, action, pending] = useActionState<FormState, FormData>(withdrawAction, { status: "idle" });
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <FormAlert state={state} />
      {state.status === "success" ? <Alert tone="success">{t("done")}</Alert> : null}
      <p className="text-sm text-slate-600">{t("hint")}</p>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("button")}
      </Button>
    </form>
  );
}
