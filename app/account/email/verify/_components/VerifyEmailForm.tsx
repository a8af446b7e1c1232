"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { confirmEmailAction } from "@/app/account/actions";
import type { VerifyEmailData } from "@/lib/accounts/form-states";
import type { FormState } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button, LinkButton } from "@/components/ui/Button";

export function VerifyEmailForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("account.email");
  const [state, action, pending] = useActionState<FormState<VerifyEmailData>, FormData>(confirmEmailAction, {
    status: "idle",
  });
  if (state.status === "success") {
    return (
      <div className="mt-4 space-y-4">
        <Alert tone="success">{t("verified", { email: state.data?.email ?? email })}</Alert>
        <div className="flex flex-wrap gap-3">
          <LinkButton href="/account">{t("toAccount")}</LinkButton>
          <LinkButton href="/login" variant="secondary">
            {t("toLogin")}
          </LinkButton>
        </div>
      </div>
    );
  }
  return (
    <form action={action} className="mt-4 space-y-4">
      <FormAlert state={state} />
      <p className="text-sm text-slate-700">{t("verifyLead", { email })}</p>
      <input type="hidden" name="token" value={token} />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {t("verifySubmit")}
      </Button>
    </form>
  );
}
