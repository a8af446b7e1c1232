"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { rosterEvidenceAction, type IdentityFormData } from "@/app/identity/actions";
import type { FormState } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";

const idle: FormState<IdentityFormData> = { status: "idle" };

/** 提供学籍信息: 学号 + 入学日期; a match resolves at once and the page moves on. */
export function RosterEvidenceForm() {
  const t = useTranslations("identity.roster");
  const [state, action, pending] = useActionState(rosterEvidenceAction, idle);
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <TextField
        id="studentNumber"
        label={t("studentNumber")}
        autoComplete="off"
        inputMode="text"
        maxLength={32}
        defaultValue={state.values?.studentNumber ?? ""}
        error={state.fieldErrors?.studentNumber}
        required
      />
      <TextField
        id="enrolledOn"
        type="date"
        label={t("enrolledOn")}
        hint={t("enrolledOnHint")}
        defaultValue={state.values?.enrolledOn ?? ""}
        error={state.fieldErrors?.enrolledOn}
        required
      />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {t("submit")}
      </Button>
    </form>
  );
}
