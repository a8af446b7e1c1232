"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { staffLogin } from "@/app/staff/login/actions";
import { idleForm } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";

export function StaffLoginForm() {
  const t = useTranslations("signIn");
  const [state, action, pending] = useActionState(staffLogin, idleForm);
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <TextField
        id="username"
        label={t("staffUsername")}
        autoComplete="username"
        defaultValue={state.values?.username ?? ""}
        required
      />
      <TextField
        id="password"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        required
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
