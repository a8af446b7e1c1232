"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { CreatedStaff } from "@/lib/admin/form-states";
import type { FormState, FormAction } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { OneTimeSecret } from "./OneTimeSecret";
import { StaffAccessFields, type CollegeOption } from "./StaffAccessFields";

const initial: FormState<CreatedStaff> = { status: "idle" };
const list = (csv: string | undefined) => (csv ? csv.split(",").filter(Boolean) : []);

export function StaffCreateForm({
  colleges,
  action,
}: {
  colleges: CollegeOption[];
  action: FormAction<CreatedStaff>;
}) {
  const t = useTranslations("admin.staff");
  const [state, formAction, pending] = useActionState(action, initial);

  if (state.status === "success" && state.data) {
    return (
      <div className="space-y-4">
        <Alert tone="success" title={t("created", { username: state.data.username })}>
          {t("createdHint")}
        </Alert>
        {state.data.initialPassword ? (
          <OneTimeSecret
            label={t("initialPassword")}
            value={state.data.initialPassword}
            testId="initial-password"
          />
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Link
            className="text-sm font-semibold text-brand-700 underline underline-offset-4"
            href="/admin/staff"
          >
            {t("backToList")}
          </Link>
        </div>
      </div>
    );
  }

  const e = state.fieldErrors;
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormAlert state={state} fallback={t("fixErrors")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="username"
          label={t("fields.username")}
          hint={t("fields.usernameHint")}
          autoComplete="off"
          defaultValue={state.values?.username ?? ""}
          error={e?.username}
          required
        />
        <TextField
          id="displayName"
          label={t("fields.displayName")}
          defaultValue={state.values?.displayName ?? ""}
          error={e?.displayName}
          required
        />
      </div>
      <StaffAccessFields
        colleges={colleges}
        roles={list(state.values?.roles)}
        collegeIds={list(state.values?.collegeIds)}
        errors={e}
      />
      <TextField
        id="password"
        type="password"
        label={t("fields.initialPassword")}
        hint={t("fields.initialPasswordHint")}
        autoComplete="new-password"
        error={e?.password}
      />
      <Button type="submit" disabled={pending}>
        {t("create")}
      </Button>
    </form>
  );
}
