"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormState, FormAction } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { OneTimeSecret } from "./OneTimeSecret";

const initial: FormState<{ initialPassword: string | null }> = { status: "idle" };

export function StaffResetPasswordForm({
  id,
  action,
}: {
  id: string;
  action: FormAction<{ initialPassword: string | null }>;
}) {
  const t = useTranslations("admin.staff");
  const [state, formAction, pending] = useActionState(action, initial);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="id" value={id} />
      <FormAlert state={state} />
      {state.status === "success" ? <Alert tone="success">{t("reset.done")}</Alert> : null}
      {state.status === "success" && state.data?.initialPassword ? (
        <OneTimeSecret
          label={t("initialPassword")}
          value={state.data.initialPassword}
          testId="reset-password"
        />
      ) : null}
      <TextField
        id="reset-password-input"
        name="password"
        type="password"
        label={t("fields.newPassword")}
        hint={t("fields.initialPasswordHint")}
        autoComplete="new-password"
        error={state.fieldErrors?.password}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("reset.submit")}
      </Button>
    </form>
  );
}
