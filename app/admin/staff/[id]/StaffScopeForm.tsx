"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { setStaffScopeAction } from "@/app/admin/staff/actions";
import { idleForm } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";
import { SelectField } from "@/components/ui/Field";
import { CheckboxGroup } from "@/components/admin/CheckboxGroup";

export type StaffScopeView = {
  collegeId: string;
  code: string;
  name: string;
  mode: "college" | "classes" | "grade";
  classGroupIds: string[];
  cohort: string;
  classGroups: { id: string; name: string }[];
  cohorts: string[];
};

/** One college of a counsellor's scope: the whole college, some of its classes, or one grade. */
export function StaffScopeForm({ staffUserId, scope }: { staffUserId: string; scope: StaffScopeView }) {
  const t = useTranslations("admin.staff.scope");
  const [state, action, pending] = useActionState(setStaffScopeAction, idleForm);
  const [mode, setMode] = useState(state.values?.mode ?? scope.mode);
  const prefix = `scope-${scope.code}`;
  return (
    <form action={action} className="space-y-3" data-testid={prefix} noValidate>
      <input type="hidden" name="id" value={staffUserId} />
      <input type="hidden" name="collegeId" value={scope.collegeId} />
      <h3 className="font-semibold">
        {scope.name} <span className="font-mono text-xs text-slate-500">{scope.code}</span>
      </h3>
      <FormAlert state={state} />
      {state.status === "success" ? <Alert tone="success">{t("saved")}</Alert> : null}
      <fieldset className="flex flex-wrap gap-x-4 gap-y-2" aria-label={t("mode")}>
        {(["college", "classes", "grade"] as const).map((m) => (
          <label key={m} className="flex min-h-11 items-center gap-2 text-sm">
            <input
              type="radio"
              name="mode"
              value={m}
              checked={mode === m}
              onChange={() => setMode(m)}
              className="h-5 w-5"
            />
            {t(`modes.${m}`)}
          </label>
        ))}
      </fieldset>
      {mode === "classes" ? (
        scope.classGroups.length ? (
          <div className="max-h-72 overflow-y-auto">
            <CheckboxGroup
              id={`${prefix}-classes`}
              name="classGroupIds"
              legend={t("classes")}
              checked={state.values?.classGroupIds?.split(",") ?? scope.classGroupIds}
              error={state.fieldErrors?.classGroupIds}
              columns={3}
              options={scope.classGroups.map((g) => ({ value: g.id, label: g.name }))}
            />
          </div>
        ) : (
          <p className="text-sm text-slate-600">{t("noClasses")}</p>
        )
      ) : null}
      {mode === "grade" ? (
        <SelectField
          id={`${prefix}-cohort`}
          name="cohort"
          label={t("cohort")}
          hint={t("cohortHint")}
          defaultValue={state.values?.cohort ?? scope.cohort}
          error={state.fieldErrors?.cohort}
        >
          <option value="">{t("chooseCohort")}</option>
          {scope.cohorts.map((c) => (
            <option key={c} value={c}>
              {t("cohortOption", { cohort: c })}
            </option>
          ))}
        </SelectField>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("save", { college: scope.name })}
      </Button>
    </form>
  );
}
