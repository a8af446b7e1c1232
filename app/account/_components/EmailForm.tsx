"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { requestEmailAction, resendEmailAction } from "@/app/account/actions";
import type { AccountFormState } from "@/lib/accounts/form-states";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { FormFeedback } from "@/components/account/FormFeedback";

/** 安全邮箱: current state, resend for a pending one, and set / change (verified by the e-mailed link). */
export function EmailForm({
  current,
  pending: pendingEmail,
}: {
  current: string | null;
  pending: string | null;
}) {
  const t = useTranslations("account");
  const tp = useTranslations("passwords");
  const [state, action, pending] = useActionState<AccountFormState, FormData>(requestEmailAction, {
    status: "idle",
  });
  const [resendState, resend, resending] = useActionState<AccountFormState, FormData>(resendEmailAction, {
    status: "idle",
  });
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700" data-testid="email-status">
        {current ? t("email.current", { email: current }) : t("email.none")}
      </p>
      {pendingEmail ? (
        <form
          action={resend}
          className="space-y-2 rounded-lg bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-200"
        >
          <p>{t("email.pending", { email: pendingEmail })}</p>
          <FormFeedback state={resendState} />
          <Button type="submit" variant="secondary" disabled={resending}>
            {t("email.resend")}
          </Button>
        </form>
      ) : null}
      <form action={action} noValidate className="space-y-4" aria-label={t("email.title")}>
        <FormFeedback state={state} />
        <p className="text-sm text-slate-600">{t("email.lead")}</p>
        <TextField
          id="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          label={current ? t("email.changeLabel") : t("email.label")}
          maxLength={254}
          defaultValue={state.values?.email ?? ""}
          error={state.fieldErrors?.email}
          required
        />
        <TextField
          id="email-current"
          name="currentPassword"
          type="password"
          label={tp("currentLabel")}
          autoComplete="current-password"
          error={state.fieldErrors?.currentPassword}
          required
        />
        <Button type="submit" disabled={pending}>
          {t("email.submit")}
        </Button>
      </form>
    </div>
  );
}
