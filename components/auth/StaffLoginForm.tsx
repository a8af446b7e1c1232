"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormAction, FormState } from "@/lib/core/form-state";
import type { StaffLoginData } from "@/lib/staff/form-states";
import type { Captcha } from "@/lib/security/captcha";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { CaptchaField } from "./CaptchaField";

export function StaffLoginForm({
  initialCaptcha,
  action,
}: {
  initialCaptcha?: Captcha;
  /** the route's server action (components do not import app/) */
  action: FormAction<StaffLoginData>;
}) {
  const t = useTranslations("signIn");
  const initial: FormState<StaffLoginData> = {
    status: "idle",
    data: initialCaptcha ? { captcha: initialCaptcha } : undefined,
  };
  const [state, formAction, pending] = useActionState(action, initial);
  const captcha = state.data?.captcha;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <TextField
        id="username"
        label={t("staffUsername")}
        autoComplete="username"
        defaultValue={state.values?.username ?? ""}
        required
      />
      <TextField
        id="password"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        required
      />
      {captcha ? (
        <CaptchaField
          key={captcha.id}
          id={captcha.id}
          image={captcha.image}
          error={state.fieldErrors?.captcha}
        />
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
