"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveCampaignAction } from "@/app/registrar/campaigns/actions";
import { idleForm, type FormState } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";

export type CampaignFormValues = {
  id?: string;
  name: string;
  cohort: string;
  level: string;
  startsAt: string;
  endsAt: string;
};

/** Create or edit a 自查批次. Times are entered as Beijing time (datetime-local). */
export function CampaignForm({ initial, levels }: { initial?: CampaignFormValues; levels: string[] }) {
  const t = useTranslations("registrar.campaigns");
  const [state, action, pending] = useActionState<FormState<{ message: string }>, FormData>(
    saveCampaignAction as (
      prev: FormState<{ message: string }>,
      formData: FormData,
    ) => Promise<FormState<{ message: string }>>,
    idleForm as FormState<{ message: string }>,
  );
  const v =
    state.status === "error"
      ? { ...initial, ...state.values }
      : (initial ?? ({} as Partial<CampaignFormValues>));
  const key = state.status === "success" ? "done" : "form";
  return (
    <form action={action} className="space-y-4" key={key} noValidate>
      {initial?.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {state.status === "success" && state.data ? <Alert tone="success">{state.data.message}</Alert> : null}
      {state.status === "error" && state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <TextField
        id="name"
        label={t("name")}
        hint={t("nameHint")}
        defaultValue={v.name ?? ""}
        error={state.fieldErrors?.name}
        required
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="cohort"
          label={t("cohort")}
          hint={t("cohortHint")}
          inputMode="numeric"
          defaultValue={v.cohort ?? ""}
          error={state.fieldErrors?.cohort}
          required
        />
        <TextField
          id="level"
          label={t("level")}
          hint={t("levelHint")}
          list="known-levels"
          defaultValue={v.level ?? ""}
          error={state.fieldErrors?.level}
          required
        />
        <datalist id="known-levels">
          {levels.map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
        <TextField
          id="startsAt"
          type="datetime-local"
          label={t("startsAt")}
          hint={t("timeHint")}
          defaultValue={v.startsAt ?? ""}
          error={state.fieldErrors?.startsAt}
          required
        />
        <TextField
          id="endsAt"
          type="datetime-local"
          label={t("endsAt")}
          hint={t("timeHint")}
          defaultValue={v.endsAt ?? ""}
          error={state.fieldErrors?.endsAt}
          required
        />
      </div>
      <Button type="submit" disabled={pending}>
        {initial?.id ? t("save") : t("create")}
      </Button>
    </form>
  );
}
