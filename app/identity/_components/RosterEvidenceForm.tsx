"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { rosterEvidenceAction } from "@/app/identity/actions";
import type { IdentityFormData } from "@/lib/identity-cases/form-states";
import type { FormState } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";

const idle: FormState<IdentityFormData> = { status: "idle" };

/**
 * 提供学籍信息: 学号 + 入学日期, and the 考生号 when the student has it (optional: a match with the roster's
 * 考生号 resolves at once and the page moves on; otherwise support decides and the form says when).
 */
export function RosterEvidenceForm() {
  const t = useTranslations("identity.roster");
  const [state, action, pending] = useActionState(rosterEvidenceAction, idle);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormAlert state={state} />
      {state.status === "success" && state.data?.message ? (
        <Alert tone="success">{state.data.message}</Alert>
      ) : null}
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
      <TextField
        id="examNumber"
        label={t("examNumber")}
        hint={t("examNumberHint")}
        autoComplete="off"
        inputMode="numeric"
        maxLength={20}
        defaultValue={state.values?.examNumber ?? ""}
        error={state.fieldErrors?.examNumber}
      />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {t("submit")}
      </Button>
    </form>
  );
}
