"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { CreatedToken } from "@/lib/admin/form-states";
import type { FormState, FormAction } from "@/lib/core/form-state";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";
import { SelectField, TextField } from "@/components/ui/Field";
import { API_TOKEN_LIFETIMES_DAYS } from "@/lib/admin/token-options";
import { CheckboxGroup } from "./CheckboxGroup";
import { OneTimeSecret } from "./OneTimeSecret";
import type { CollegeOption } from "./StaffAccessFields";

const initial: FormState<CreatedToken> = { status: "idle" };

export function TokenCreateForm({
  colleges,
  action,
}: {
  colleges: CollegeOption[];
  action: FormAction<CreatedToken>;
}) {
  const t = useTranslations("admin.tokens");
  const tc = useTranslations("common.roles");
  const [state, formAction, pending] = useActionState(action, initial);
  const v = state.status === "error" ? state.values : undefined;
  return (
    <div className="space-y-5">
      {state.status === "success" && state.data ? (
        <OneTimeSecret
          label={t("created", { name: state.data.name })}
          value={state.data.token}
          testId="api-token"
        />
      ) : null}
      <form
        action={formAction}
        className="space-y-5"
        noValidate
        key={state.status === "success" ? state.data?.token : "form"}
      >
        <FormAlert state={state} fallback={t("fixErrors")} />
        <TextField
          id="token-name"
          name="name"
          label={t("fields.name")}
          hint={t("fields.nameHint")}
          defaultValue={v?.name ?? ""}
          error={state.fieldErrors?.name}
          required
        />
        <CheckboxGroup
          id="role"
          name="role"
          type="radio"
          legend={t("fields.role")}
          checked={[v?.role ?? "registrar"]}
          error={state.fieldErrors?.role}
          options={[
            { value: "registrar", label: tc("registrar"), hint: t("roleHints.registrar") },
            { value: "college", label: tc("college"), hint: t("roleHints.college") },
          ]}
        />
        <CheckboxGroup
          id="token-colleges"
          name="collegeIds"
          legend={t("fields.colleges")}
          hint={t("fields.collegesHint")}
          columns={3}
          checked={v?.collegeIds ? v.collegeIds.split(",") : []}
          error={state.fieldErrors?.collegeIds}
          options={colleges.map((c) => ({ value: c.id, label: c.name, hint: c.code }))}
        />
        <CheckboxGroup
          id="token-access"
          name="access"
          type="radio"
          legend={t("fields.access")}
          checked={[v?.access ?? "readOnly"]}
          error={state.fieldErrors?.access}
          options={[
            { value: "readOnly", label: t("access.readOnly"), hint: t("accessHints.readOnly") },
            { value: "readWrite", label: t("access.readWrite"), hint: t("accessHints.readWrite") },
          ]}
        />
        <SelectField
          id="token-expiry"
          name="expiresInDays"
          label={t("fields.expiry")}
          hint={t("fields.expiryHint")}
          defaultValue={v?.expiresInDays ?? "90"}
          error={state.fieldErrors?.expiresInDays}
        >
          {API_TOKEN_LIFETIMES_DAYS.map((d) => (
            <option key={d} value={d}>
              {t("expiryDays", { days: Number(d) })}
            </option>
          ))}
        </SelectField>
        <Button type="submit" disabled={pending}>
          {t("create")}
        </Button>
      </form>
    </div>
  );
}
