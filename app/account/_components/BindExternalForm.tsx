"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { bindExternalAction } from "@/app/account/actions";
import type { AccountFormState } from "@/lib/accounts/form-states";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { FormFeedback } from "@/components/account/FormFeedback";

/** 绑定 one provider: the current password first (it counts against the sign-in lock like every re-entry). */
export function BindExternalForm({ slug, name }: { slug: string; name: string }) {
  const t = useTranslations("sso.bind");
  const [state, action, pending] = useActionState<AccountFormState, FormData>(bindExternalAction, {
    status: "idle",
  });
  const id = `bind-${slug}-password`;
  return (
    <form
      action={action}
      noValidate
      className="space-y-3 rounded-lg p-3 ring-1 ring-inset ring-slate-200"
      aria-label={t("bindButton", { name })}
    >
      <input type="hidden" name="provider" value={slug} />
      <FormFeedback state={state} />
      <TextField
        id={id}
        name="currentPassword"
        type="password"
        label={t("currentPassword")}
        autoComplete="current-password"
        error={state.fieldErrors?.currentPassword}
        required
      />
      <Button type="submit" disabled={pending}>
        {t("bindButton", { name })}
      </Button>
    </form>
  );
}
