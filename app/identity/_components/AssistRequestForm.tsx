"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { requestAssistAction } from "@/app/identity/actions";
import type { IdentityFormData } from "@/lib/identity-cases/form-states";
import type { FormState } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";

const idle: FormState<IdentityFormData> = { status: "idle" };

/** 发送协助请求: 同学姓名 + 同学手机号 + 自己的手机号. */
export function AssistRequestForm({ ownPhoneMasked }: { ownPhoneMasked: string }) {
  const t = useTranslations("identity.assist");
  const [state, action, pending] = useActionState(requestAssistAction, idle);
  const values =
    state.status === "success" ? { ownPhone: state.values?.ownPhone ?? "" } : (state.values ?? {});
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.status === "success" && state.data?.message ? (
        <Alert tone="success">{state.data.message}</Alert>
      ) : null}
      <FormAlert state={state} />
      <div key={state.status === "success" ? state.data?.message : "form"} className="space-y-4">
        <TextField
          id="classmateName"
          label={t("classmateName")}
          hint={t("classmateHint")}
          autoComplete="off"
          maxLength={60}
          defaultValue={values.classmateName ?? ""}
          error={state.fieldErrors?.classmateName}
          required
        />
        <TextField
          id="classmatePhone"
          type="tel"
          inputMode="numeric"
          autoComplete="off"
          label={t("classmatePhone")}
          maxLength={20}
          defaultValue={values.classmatePhone ?? ""}
          error={state.fieldErrors?.classmatePhone}
          required
        />
        <TextField
          id="ownPhone"
          type="tel"
          inputMode="numeric"
          autoComplete="tel-national"
          label={t("ownPhone")}
          hint={t("ownPhoneHint", { phone: ownPhoneMasked })}
          maxLength={20}
          defaultValue={values.ownPhone ?? ""}
          error={state.fieldErrors?.ownPhone}
          required
        />
      </div>
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {t("submit")}
      </Button>
    </form>
  );
}
