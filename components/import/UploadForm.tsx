"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { idleForm, type FormState } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { FieldShell } from "@/components/ui/Field";

/** File upload for roster or graduation-lock files; errors sit at the field. */
export function UploadForm({
  action,
  label,
  hint,
  submit,
  result,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  label: string;
  hint?: string;
  submit: string;
  result?: (state: FormState) => React.ReactNode;
}) {
  const t = useTranslations("import.upload");
  const [state, formAction, pending] = useActionState(action, idleForm);
  return (
    <form action={formAction} className="space-y-4" encType="multipart/form-data">
      {state.error && !state.fieldErrors?.file ? <Alert tone="error">{state.error}</Alert> : null}
      <FieldShell
        id="file"
        label={label}
        hint={hint ?? t("fileHint")}
        error={state.fieldErrors?.file}
        required
      >
        {(describedBy, invalid) => (
          <input
            id="file"
            name="file"
            type="file"
            required
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            className="block w-full rounded-lg bg-white text-sm ring-1 ring-inset ring-slate-300 file:mr-3 file:min-h-11 file:border-0 file:bg-brand-50 file:px-4 file:font-semibold file:text-brand-800"
          />
        )}
      </FieldShell>
      <Button type="submit" disabled={pending}>
        {submit}
      </Button>
      {result ? result(state) : null}
    </form>
  );
}
