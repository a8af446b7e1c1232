"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { studentLogin } from "@/app/login/actions";
import type { LoginData } from "@/lib/accounts/form-states";
import type { Captcha } from "@/lib/security/captcha";
import type { FormState } from "@/lib/core/form-state";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { CaptchaField } from "@/components/auth/CaptchaField";

export function StudentLoginForm({ initialCaptcha, next }: { initialCaptcha?: Captcha; next?: string }) {
  const t = useTranslations("signIn");
  const initial: FormState<LoginData> = {
    status: "idle",
    data: initialCaptcha ? { captcha: initialCaptcha } : undefined,
  };
  const [state, action, pending] = useActionState(studentLogin, initial);
  const captcha = state.data?.captcha;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormAlert state={state} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField
        id="username"
        label={t("username")}
        autoComplete="username"
        defaultValue={state.values?.username ?? ""}
        error={state.fieldErrors?.username}
        required
      />
      <TextField
        id="password"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        error={state.fieldErrors?.password}
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
