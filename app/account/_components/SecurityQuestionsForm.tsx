"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setQuestionsAction } from "@/app/account/actions";
import type { AccountFormState } from "@/lib/accounts/form-states";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { FormFeedback } from "@/components/account/FormFeedback";
import { SecurityQuestionFields } from "@/components/account/SecurityQuestionFields";

/** 密保问题: replace all three at once (answers are stored hashed, never shown). */
export function SecurityQuestionsForm({
  enabled,
  count,
  current,
}: {
  enabled: boolean;
  count: number;
  current: Record<string, string>;
}) {
  const t = useTranslations("account");
  const tp = useTranslations("passwords");
  const [state, action, pending] = useActionState<AccountFormState, FormData>(setQuestionsAction, {
    status: "idle",
  });
  if (!enabled) return <p className="text-sm text-slate-600">{t("questions.disabled")}</p>;
  return (
    <form action={action} noValidate className="space-y-4" aria-label={t("questions.title")}>
      <p className="text-sm text-slate-700" data-testid="questions-status">
        {count > 0 ? t("questions.set", { count }) : t("questions.none")}
      </p>
      <FormFeedback state={state} />
      <p className="text-sm text-slate-600">{t("questions.lead")}</p>
      <SecurityQuestionFields values={state.values ?? current} errors={state.fieldErrors} />
      <TextField
        id="questions-current"
        name="currentPassword"
        type="password"
        label={tp("currentLabel")}
        autoComplete="current-password"
        error={state.fieldErrors?.currentPassword}
        required
      />
      <Button type="submit" disabled={pending}>
        {t("questions.submit")}
      </Button>
    </form>
  );
}
