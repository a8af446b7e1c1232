"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ClosureAction, ClosureFormState } from "@/lib/privacy/form-states";
import { CheckboxField } from "@/components/auth/CheckboxField";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";
import { TextAreaField, TextField } from "@/components/ui/Field";

/** 注销账号: reason, current password and the confirmation that the student read what is kept. */
export function ClosureRequestForm({ submit }: { submit: ClosureAction }) {
  const t = useTranslations("privacy.closure");
  const [state, action, pending] = useActionState<ClosureFormState, FormData>(submit, {
    status: "idle",
  });
  if (state.status === "success") return <Alert tone="success">{t("submitted")}</Alert>;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="space-y-4" aria-label={t("title")}>
      <FormAlert state={state} />
      <TextAreaField
        id="closure-reason"
        name="reason"
        label={t("reason")}
        hint={t("reasonHint")}
        maxLength={500}
        defaultValue={state.values?.reason ?? ""}
        error={errors.reason}
        required
      />
      <TextField
        id="closure-password"
        name="currentPassword"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        error={errors.currentPassword}
        required
      />
      <CheckboxField
        id="confirm"
        label={t("confirm")}
        defaultChecked={state.values?.confirm === "on"}
        error={errors.confirm}
      />
      <Button type="submit" variant="danger" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
