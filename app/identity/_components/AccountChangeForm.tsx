"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { accountChangeAction } from "@/app/identity/actions";
import type { IdentityFormData } from "@/lib/identity-cases/form-states";
import type { FormState } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { PhotoField } from "@/components/identity/PhotoField";
import { usePhotoSubmit } from "@/components/identity/usePhotoSubmit";

const idle: FormState<IdentityFormData> = { status: "idle" };

/** 账号姓名 / 证件号码变更申请: only the values to correct, plus the two hand-held photos. */
export function AccountChangeForm() {
  const t = useTranslations("identity.change");
  const tp = useTranslations("identity.photos");
  const [state, action, pending] = useActionState(accountChangeAction, idle);
  const { submit, busy, photoProps } = usePhotoSubmit(state, action);
  if (state.status === "success" && state.data?.message)
    return <Alert tone="success">{state.data.message}</Alert>;
  const values = state.values ?? {};
  const showKeep = !!state.fieldErrors?.requestedName && values.requestedName;
  return (
    <form action={action} onSubmit={submit} className="space-y-5" noValidate>
      <FormAlert state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="requestedName"
          label={t("requestedName")}
          hint={t("nameHint")}
          maxLength={60}
          autoComplete="off"
          defaultValue={values.requestedName ?? ""}
          error={state.fieldErrors?.requestedName}
        />
        <TextField
          id="requestedIdNumber"
          label={t("requestedIdNumber")}
          hint={t("idHint")}
          maxLength={40}
          autoComplete="off"
          autoCapitalize="characters"
          defaultValue={values.requestedIdNumber ?? ""}
          error={state.fieldErrors?.requestedIdNumber}
        />
      </div>
      {showKeep ? (
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input type="checkbox" name="keepTraditional" className="mt-1 size-4" />
          {t("keepTraditional")}
        </label>
      ) : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <PhotoField
          id="front"
          label={tp("front")}
          hint={tp("fileHint")}
          error={state.fieldErrors?.front}
          {...photoProps("front")}
        />
        <PhotoField
          id="back"
          label={tp("back")}
          hint={tp("fileHint")}
          error={state.fieldErrors?.back}
          {...photoProps("back")}
        />
      </div>
      <Button type="submit" disabled={pending || busy} className="w-full sm:w-auto">
        {t("submit")}
      </Button>
    </form>
  );
}
