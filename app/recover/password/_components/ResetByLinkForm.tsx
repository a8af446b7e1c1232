"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { resetByLinkAction } from "@/app/recover/password/actions";
import type { ResetLinkData } from "@/lib/accounts/form-states";
import type { FormState } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button, LinkButton } from "@/components/ui/Button";
import { PasswordFields } from "@/components/auth/PasswordFields";

export function ResetByLinkForm({ token }: { token: string }) {
  const t = useTranslations("recover.password");
  const [state, action, pending] = useActionState<FormState<ResetLinkData>, FormData>(resetByLinkAction, {
    status: "idle",
  });
  if (state.data?.done) return <ResetDone />;
  return (
    <form action={action} noValidate className="mt-6 space-y-4">
      <FormAlert state={state} />
      <input type="hidden" name="token" value={token} />
      <PasswordFields errors={state.fieldErrors} />
      <Button type="submit" disabled={pending} className="w-full">
        {t("resetSubmit")}
      </Button>
    </form>
  );
}

export function ResetDone() {
  const t = useTranslations("recover.password");
  return (
    <div className="mt-6 space-y-4">
      <Alert tone="success">{t("done")}</Alert>
      <LinkButton href="/login" className="w-full sm:w-auto">
        {t("toLogin")}
      </LinkButton>
    </div>
  );
}
