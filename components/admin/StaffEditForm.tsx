"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormAction, FormState } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { StaffAccessFields, type CollegeOption } from "./StaffAccessFields";

const list = (csv: string | undefined) => (csv ? csv.split(",").filter(Boolean) : []);

const idle: FormState<{ sessionsEnded: boolean }> = { status: "idle" };

export function StaffEditForm({
  staff,
  colleges,
  action,
}: {
  staff: { id: string; displayName: string; roles: string[]; collegeIds: string[] };
  colleges: CollegeOption[];
  /** the route's server action (components do not import app/) */
  action: FormAction<{ sessionsEnded: boolean }>;
}) {
  const t = useTranslations("admin.staff");
  const [state, formAction, pending] = useActionState(action, idle);
  const v = state.status === "error" ? state.values : undefined;
  const data = state.data;
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="id" value={staff.id} />
      <FormAlert state={state} fallback={t("fixErrors")} />
      {state.status === "success" ? (
        <Alert tone="success">{data?.sessionsEnded ? t("savedSessionsEnded") : t("saved")}</Alert>
      ) : null}
      <TextField
        id="displayName"
        label={t("fields.displayName")}
        defaultValue={v?.displayName ?? staff.displayName}
        error={state.fieldErrors?.displayName}
        required
      />
      <StaffAccessFields
        // remount with the echoed values after an error, so checkboxes show what was submitted
        key={v ? `${v.roles}|${v.collegeIds}` : "initial"}
        colleges={colleges}
        roles={v ? list(v.roles) : staff.roles}
        collegeIds={v ? list(v.collegeIds) : staff.collegeIds}
        errors={state.fieldErrors}
      />
      <p className="text-sm text-slate-600">{t("sessionsNote")}</p>
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
