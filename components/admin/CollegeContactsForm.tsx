"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { idleForm, type FormAction } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";

export type CollegeContactRow = {
  collegeId: string;
  code: string;
  name: string;
  phone: string;
  office: string;
  email: string;
  hours: string;
};

const FIELDS = ["phone", "office", "email", "hours"] as const;

/** 各学院联系方式: one row of four fields per college, saved (and audited) together. */
export function CollegeContactsForm({ rows, action }: { rows: CollegeContactRow[]; action: FormAction }) {
  const t = useTranslations("admin.settings");
  const [state, formAction, pending] = useActionState(action, idleForm);
  const typed = state.status === "error" ? state.values : undefined;
  return (
    <form
      action={formAction}
      className="space-y-4"
      aria-labelledby="settings-collegeContacts-heading"
      noValidate
    >
      <input type="hidden" name="section" value="collegeContacts" />
      <div>
        <h2 id="settings-collegeContacts-heading" className="text-lg font-semibold">
          {t("collegeContacts.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("collegeContacts.description")}</p>
      </div>
      <FormAlert state={state} />
      {state.status === "error" && state.fieldErrors?.contacts ? (
        <Alert tone="error">{state.fieldErrors.contacts}</Alert>
      ) : null}
      {state.status === "success" ? <Alert tone="success">{t("saved")}</Alert> : null}
      {rows.length === 0 ? <p className="text-sm text-slate-600">{t("collegeContacts.empty")}</p> : null}
      <div className="divide-y divide-slate-200">
        {rows.map((row, i) => (
          <fieldset key={row.collegeId} className="py-4 first:pt-0">
            <legend className="text-sm font-semibold text-ink">
              {row.code} {row.name}
            </legend>
            <input type="hidden" name={`colleges.${i}.collegeId`} value={row.collegeId} />
            <div className="mt-2 grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
              {FIELDS.map((field) => {
                const name = `colleges.${i}.${field}`;
                return (
                  <TextField
                    key={field}
                    id={`college-${row.code}-${field}`}
                    name={name}
                    type={field === "email" ? "email" : "text"}
                    label={t(`contact.${field}`)}
                    maxLength={field === "phone" ? 50 : 100}
                    defaultValue={typed?.[name] ?? row[field]}
                    error={state.fieldErrors?.[name]}
                  />
                );
              })}
            </div>
          </fieldset>
        ))}
      </div>
      <Button type="submit" disabled={pending || rows.length === 0}>
        {t("collegeContacts.save")}
      </Button>
    </form>
  );
}
