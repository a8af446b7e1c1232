"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveCampaignAction } from "../actions";
import { idleForm, type FormState } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";
import { SelectField, TextField } from "@/components/ui/Field";

export type CampaignFormValues = {
  id?: string;
  name: string;
  cohort: string;
  level: string;
  startsAt: string;
  endsAt: string;
};

/** The choices of a select: what the roster holds, plus the value being edited if the roster no longer has it. */
function choices(values: string[], current: string | undefined): string[] {
  return current && !values.includes(current) ? [current, ...values] : values;
}

/**
 * Create or edit a 自查批次. Cohort and level are chosen from the values the roster holds (free text only
 * while the roster is empty). Times are entered as Beijing time (datetime-local). A campaign overlapping
 * another for the same students comes back with the overlap named and a box to create it anyway.
 */
export function CampaignForm({
  initial,
  levels,
  cohorts,
}: {
  initial?: CampaignFormValues;
  levels: string[];
  cohorts: string[];
}) {
  const t = useTranslations("registrar.campaigns");
  const [state, action, pending] = useActionState(
    saveCampaignAction,
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
      <FormAlert state={state} />
      <TextField
        id="name"
        label={t("name")}
        hint={t("nameHint")}
        defaultValue={v.name ?? ""}
        error={state.fieldErrors?.name}
        required
      />
      <div className="grid gap-4 sm:grid-cols-2">
        {cohorts.length > 0 ? (
          <SelectField
            // a select applies defaultValue only when mounted: remount it so a refused save keeps the choice
            key={`cohort-${v.cohort ?? ""}`}
            id="cohort"
            label={t("cohort")}
            hint={t("cohortChoiceHint")}
            defaultValue={v.cohort ?? ""}
            error={state.fieldErrors?.cohort}
            required
          >
            <option value="">{t("choose")}</option>
            {choices(cohorts, v.cohort).map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </SelectField>
        ) : (
          <TextField
            id="cohort"
            label={t("cohort")}
            hint={t("cohortHint")}
            inputMode="numeric"
            defaultValue={v.cohort ?? ""}
            error={state.fieldErrors?.cohort}
            required
          />
        )}
        {levels.length > 0 ? (
          <SelectField
            key={`level-${v.level ?? ""}`}
            id="level"
            label={t("level")}
            hint={t("levelChoiceHint")}
            defaultValue={v.level ?? ""}
            error={state.fieldErrors?.level}
            required
          >
            <option value="">{t("choose")}</option>
            {choices(["全部", ...levels], v.level).map((l) => (
              <option key={l} value={l}>
                {l === "全部" ? t("allLevels") : l}
              </option>
            ))}
          </SelectField>
        ) : (
          <TextField
            id="level"
            label={t("level")}
            hint={t("levelHint")}
            defaultValue={v.level ?? ""}
            error={state.fieldErrors?.level}
            required
          />
        )}
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
      {state.fieldErrors?.confirmOverlap ? (
        <div
          className="space-y-2 rounded-lg bg-amber-50 p-3 ring-1 ring-amber-200"
          data-testid="overlap-confirm"
        >
          <p id="confirmOverlap-error" role="alert" className="text-sm font-medium text-amber-900">
            {state.fieldErrors.confirmOverlap}
          </p>
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              name="confirmOverlap"
              value="yes"
              aria-describedby="confirmOverlap-error"
              className="mt-0.5 h-5 w-5 shrink-0 rounded border-slate-400"
            />
            <span>{t("overlapConfirm")}</span>
          </label>
        </div>
      ) : null}
      <Button type="submit" disabled={pending}>
        {initial?.id ? t("save") : t("create")}
      </Button>
    </form>
  );
}
