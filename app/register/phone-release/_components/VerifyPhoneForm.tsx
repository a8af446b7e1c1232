"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { verifyPhoneAction } from "@/app/register/phone-release/actions";
import type { ReleaseData } from "@/lib/identity-cases/form-states";
import type { FormState } from "@/lib/core/form-state";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { DefaultSubmit } from "@/components/auth/DefaultSubmit";
import { SmsCodeField } from "@/components/auth/SmsCodeField";

const idle: FormState<ReleaseData> = { status: "idle" };

/** Step 1 of 申请释放手机号: the number and its SMS code (nothing is revealed before the code is right). */
export function VerifyPhoneForm() {
  const t = useTranslations("phoneRelease");
  const tr = useTranslations("register");
  const [state, action, pending] = useActionState(verifyPhoneAction, idle);
  const values = state.values ?? {};
  return (
    <form action={action} noValidate className="space-y-4">
      <DefaultSubmit />
      <FormAlert state={state} />
      <TextField
        id="phone"
        type="tel"
        inputMode="numeric"
        autoComplete="tel-national"
        label={tr("phone.label")}
        hint={state.fieldErrors?.phone ? undefined : tr("phone.hint")}
        maxLength={20}
        defaultValue={values.phone ?? ""}
        error={state.fieldErrors?.phone}
        required
      />
      <SmsCodeField
        label={tr("code.label")}
        error={state.fieldErrors?.code}
        notice={state.data?.codeMessage}
        defaultValue={values.code ?? ""}
        sendAction={action}
        resendAt={state.data?.resendAt}
        intent="sendCode"
      />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto sm:min-w-40">
        {t("verify")}
      </Button>
    </form>
  );
}
