"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { phoneChangeAction } from "@/app/account/actions";
import type { AccountFormState } from "@/lib/accounts/form-states";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { DefaultSubmit } from "@/components/auth/DefaultSubmit";
import { SmsCodeField } from "@/components/auth/SmsCodeField";
import { FormFeedback } from "@/components/account/FormFeedback";

/** 更换手机号: code to the NEW phone (免费获取 works without JavaScript too) + current password. */
export function ChangePhoneForm() {
  const t = useTranslations("account");
  const tr = useTranslations("register");
  const tp = useTranslations("passwords");
  const [state, action, pending] = useActionState<AccountFormState, FormData>(phoneChangeAction, {
    status: "idle",
  });
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const codeAnswer = !!state.data?.resendAt && state.status !== "error";
  return (
    <form action={action} noValidate className="space-y-4" aria-label={t("phone.title")}>
      <DefaultSubmit />
      {codeAnswer ? null : <FormFeedback state={state} />}
      <p className="text-sm text-slate-600">{t("phone.lead")}</p>
      <TextField
        id="newPhone"
        type="tel"
        inputMode="numeric"
        autoComplete="tel-national"
        label={t("phone.newLabel")}
        maxLength={20}
        defaultValue={values.newPhone ?? ""}
        error={errors.newPhone}
        required
      />
      <SmsCodeField
        id="code"
        label={tr("code.label")}
        error={errors.code}
        notice={codeAnswer ? state.data?.message : undefined}
        defaultValue={values.code ?? ""}
        sendAction={action}
        resendAt={state.data?.resendAt}
        intent="sendCode"
      />
      <TextField
        id="phone-current"
        name="currentPassword"
        type="password"
        label={tp("currentLabel")}
        autoComplete="current-password"
        error={errors.currentPassword}
        required
      />
      <Button type="submit" disabled={pending}>
        {t("phone.submit")}
      </Button>
    </form>
  );
}
