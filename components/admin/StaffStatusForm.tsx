"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { idleForm, type FormAction } from "@/lib/core/form-state";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";

/** Disable (ends every session at once) or enable again. */
export function StaffStatusForm({
  id,
  disabled,
  action,
}: {
  id: string;
  disabled: boolean;
  action: FormAction;
}) {
  const t = useTranslations("admin.staff");
  const [state, formAction, pending] = useActionState(action, idleForm);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="disabled" value={disabled ? "0" : "1"} />
      <FormAlert state={state} />
      <p className="text-sm text-slate-700">
        {disabled ? t("status.disabledText") : t("status.enabledText")}
      </p>
      <Button type="submit" variant={disabled ? "secondary" : "danger"} disabled={pending}>
        {disabled ? t("status.enable") : t("status.disable")}
      </Button>
    </form>
  );
}
