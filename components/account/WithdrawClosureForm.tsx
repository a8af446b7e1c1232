"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ClosureAction, ClosureFormState } from "@/lib/privacy/form-states";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";

/** 撤回注销申请, while the registrar has not decided. */
export function WithdrawClosureForm({ withdraw }: { withdraw: ClosureAction }) {
  const t = useTranslations("privacy.closure");
  const [state, action, pending] = useActionState<ClosureFormState, FormData>(withdraw, {
    status: "idle",
  });
  if (state.status === "success") return <Alert tone="success">{t("withdrawn")}</Alert>;
  return (
    <form action={action} className="space-y-2">
      <FormAlert state={state} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("withdraw")}
      </Button>
    </form>
  );
}
