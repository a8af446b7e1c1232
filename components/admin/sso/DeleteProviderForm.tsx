"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { idleForm, type FormAction } from "@/lib/core/form-state";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";
import { CheckboxField } from "@/components/auth/CheckboxField";

export function DeleteProviderForm({
  id,
  bindings,
  links,
  action,
}: {
  id: string;
  bindings: number;
  links: number;
  action: FormAction;
}) {
  const t = useTranslations("sso.admin");
  const [state, formAction, pending] = useActionState(action, idleForm);
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label={t("delete")}>
      <input type="hidden" name="id" value={id} />
      <p className="text-sm text-slate-700">{t("deleteHint", { bindings, links })}</p>
      <FormAlert state={state} />
      <CheckboxField id="confirm" label={t("deleteConfirm")} error={state.fieldErrors?.confirm} />
      <Button type="submit" variant="danger" disabled={pending}>
        {t("delete")}
      </Button>
    </form>
  );
}
