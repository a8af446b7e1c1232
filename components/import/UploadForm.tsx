"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { idleForm, type FormState } from "@/lib/core/form-state";
import { guardedAction } from "@/lib/core/guarded-action";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";
import { FieldShell } from "@/components/ui/Field";
import { FileInput } from "@/components/ui/FileInput";

/** File upload for roster or graduation-lock files; errors sit at the field. */
export function UploadForm({
  action,
  label,
  hint,
  submit,
  result,
  maxBytes,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  label: string;
  hint?: string;
  submit: string;
  result?: (state: FormState) => React.ReactNode;
  /** the page's body limit (lib/security/body-limits.ts): a bigger file is not sent */
  maxBytes: number;
}) {
  const t = useTranslations("import.upload");
  const [state, formAction, pending] = useActionState(
    guardedAction(action, {
      maxBytes,
      field: "file",
      tooLarge: t("tooLarge", { mb: Math.floor(maxBytes / 1024 / 1024) }),
      failed: t("failed"),
    }),
    idleForm,
  );
  return (
    <form action={formAction} className="space-y-4" encType="multipart/form-data">
      {state.fieldErrors?.file ? null : <FormAlert state={state} />}
      <FieldShell
        id="file"
        label={label}
        hint={hint ?? t("fileHint")}
        error={state.fieldErrors?.file}
        required
      >
        {(describedBy, invalid) => (
          <FileInput
            id="file"
            name="file"
            required
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            invalid={invalid}
            aria-describedby={describedBy}
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
