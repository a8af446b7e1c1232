"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changePasswordAction } from "@/app/account/actions";
import type { AccountFormState } from "@/lib/accounts/form-states";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { PasswordFields } from "@/components/auth/PasswordFields";
import { FormFeedback } from "@/components/account/FormFeedback";

export function ChangePasswordForm() {
  const t = useTranslations("account");
  const tp = useTranslations("passwords");
  const [state, action, pending] = useActionState<AccountFormState, FormData>(changePasswordAction, {
    status: "idle",
  });
  return (
    <form action={action} noValidate className="space-y-4" aria-label={t("password.title")}>
      <FormFeedback state={state} />
      <TextField
        id="pw-current"
        name="currentPassword"
        type="password"
        label={tp("currentLabel")}
        autoComplete="current-password"
        error={state.fieldErrors?.currentPassword}
        required
      />
      <PasswordFields errors={state.fieldErrors} />
      <Button type="submit" disabled={pending}>
        {t("password.submit")}
      </Button>
    </form>
  );
}
