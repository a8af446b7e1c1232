"use client";

import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/Field";

/**
 * New password + 密码确认. Never pre-filled (passwords are not echoed back); the hint states the whole rule
 * so nobody has to guess it.
 */
export function PasswordFields({
  errors,
  label,
  confirmLabel,
}: {
  errors?: Record<string, string>;
  label?: string;
  confirmLabel?: string;
}) {
  const t = useTranslations("passwords");
  return (
    <>
      <TextField
        id="password"
        type="password"
        label={label ?? t("newLabel")}
        hint={t("hint")}
        autoComplete="new-password"
        maxLength={256}
        error={errors?.password}
        required
      />
      <TextField
        id="confirmPassword"
        type="password"
        label={confirmLabel ?? t("confirmLabel")}
        autoComplete="new-password"
        maxLength={256}
        error={errors?.confirmPassword}
        required
      />
    </>
  );
}
