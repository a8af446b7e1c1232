"use client";

import { useActionState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { idleForm, type FormAction } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";
import { TextAreaField, TextField } from "@/components/ui/Field";
import { CheckboxGroup } from "./CheckboxGroup";

export type SettingsFieldSpec =
  | { kind: "textarea"; name: string; label: string; value: string; hint?: string; rows?: number }
  | {
      kind: "text" | "email" | "number";
      name: string;
      label: string;
      value: string;
      hint?: string;
      min?: number;
      max?: number;
      required?: boolean;
    }
  | { kind: "checkbox"; name: string; label: string; value: boolean; hint?: string }
  | {
      kind: "radio";
      name: string;
      label: string;
      value: string;
      hint?: string;
      options: { value: string; label: string; hint?: string }[];
    };

/** One section of /admin/settings: its own form, save button and result message. */
export function SettingsForm({
  section,
  title,
  description,
  fields,
  footer,
  action,
}: {
  section: string;
  title: string;
  description?: ReactNode;
  fields: SettingsFieldSpec[];
  footer?: ReactNode;
  /** the route's server action (components do not import app/) */
  action: FormAction;
}) {
  const t = useTranslations("admin.settings");
  const [state, formAction, pending] = useActionState(action, idleForm);
  const v = state.status === "error" ? state.values : undefined;
  const headingId = `settings-${section}-heading`;
  return (
    <form action={formAction} className="space-y-4" aria-labelledby={headingId} noValidate>
      <input type="hidden" name="section" value={section} />
      <div>
        <h2 id={headingId} className="text-lg font-semibold">
          {title}
        </h2>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
      <FormAlert state={state} />
      {state.status === "success" ? <Alert tone="success">{t("saved")}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {fields.map((f) => {
          const id = `${section}-${f.name}`;
          const error = state.fieldErrors?.[f.name];
          if (f.kind === "checkbox") {
            return (
              <div key={f.name} className="sm:col-span-2">
                <label htmlFor={id} className="flex min-h-11 items-start gap-2.5 text-sm">
                  <input
                    id={id}
                    name={f.name}
                    type="checkbox"
                    defaultChecked={v ? v[f.name] === "on" : f.value}
                    className="mt-0.5 size-4 accent-brand-700"
                  />
                  <span>
                    <span className="font-medium text-slate-900">{f.label}</span>
                    {f.hint ? <span className="block text-xs text-slate-600">{f.hint}</span> : null}
                  </span>
                </label>
              </div>
            );
          }
          if (f.kind === "textarea") {
            return (
              <TextAreaField
                key={f.name}
                id={id}
                name={f.name}
                label={f.label}
                hint={f.hint}
                rows={f.rows ?? 6}
                defaultValue={v?.[f.name] ?? f.value}
                error={error}
                className="sm:col-span-2"
              />
            );
          }
          if (f.kind === "radio") {
            return (
              <div key={f.name}>
                <CheckboxGroup
                  id={id}
                  name={f.name}
                  type="radio"
                  columns={1}
                  legend={f.label}
                  hint={f.hint}
                  error={error}
                  checked={[v?.[f.name] ?? f.value]}
                  options={f.options}
                />
              </div>
            );
          }
          return (
            <TextField
              key={f.name}
              id={id}
              name={f.name}
              type={f.kind}
              label={f.label}
              hint={f.hint}
              min={f.min}
              max={f.max}
              required={f.required}
              inputMode={f.kind === "number" ? "numeric" : undefined}
              defaultValue={v?.[f.name] ?? f.value}
              error={error}
            />
          );
        })}
      </div>
      {footer}
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
