"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { idleForm, type FormAction } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button, LinkButton } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";

/** Change one's own staff password; passwords are never echoed back after an error. */
export function OwnPasswordForm({ homePath, action }: { homePath: string; action: FormAction }) {
  const t = useTranslations("admin.ownPassword");
  const [state, formAction, pending] = useActionState(action, idleForm);
  if (state.status === "success") {
    return (
      <div className="space-y-4">
        <Alert tone="success">{t("done")}</Alert>
        <LinkButton href={homePath}>{t("continue")}</LinkButton>
      </div>
    );
  }
  const e = state.fieldErrors;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <TextField
        id="currentPassword"
        type="password"
        label={t("current")}
        autoComplete="current-password"
        error={e?.currentPassword}
        required
      />
      <TextField
        id="newPassword"
        type="password"
        label={t("new")}
        hint={t("newHint")}
        autoComplete="new-password"
        error={e?.newPassword}
        required
      />
      <TextField
        id="confirmPassword"
        type="password"
        label={t("confirm")}
        autoComplete="new-password"
        error={e?.confirmPassword}
        required
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
