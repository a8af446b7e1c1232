"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { submitReleaseAction } from "@/app/register/phone-release/actions";
import type { ReleaseData } from "@/lib/identity-cases/form-states";
import type { FormState } from "@/lib/core/form-state";
import { ID_TYPES } from "@/lib/identity/id-number";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";
import { SelectField, TextField } from "@/components/ui/Field";
import { PhotoField } from "@/components/identity/PhotoField";
import { usePhotoSubmit } from "@/components/identity/usePhotoSubmit";

const idle: FormState<ReleaseData> = { status: "idle" };

/** Step 2 of 申请释放手机号: who the claimant is, with the two hand-held photos (shrunk in the browser). */
export function ReleaseRequestForm() {
  const t = useTranslations("phoneRelease");
  const tr = useTranslations("register");
  const tp = useTranslations("identity.photos");
  const [state, action, pending] = useActionState(submitReleaseAction, idle);
  const { submit, busy, photoProps } = usePhotoSubmit(state, action);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} onSubmit={submit} noValidate className="space-y-5">
      <FormAlert state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="name"
          label={t("name")}
          hint={tr("name.hint")}
          autoComplete="name"
          maxLength={60}
          defaultValue={values.name ?? ""}
          error={errors.name}
          required
        />
        <SelectField id="idType" label={t("idType")} defaultValue={values.idType ?? "resident_id"}>
          {ID_TYPES.map((type) => (
            <option key={type} value={type}>
              {tr(`idType.options.${type}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="idNumber"
          label={t("idNumber")}
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={40}
          defaultValue={values.idNumber ?? ""}
          error={errors.idNumber}
          required
          className="sm:col-span-2"
        />
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <PhotoField
          id="front"
          label={tp("front")}
          hint={tp("fileHint")}
          error={errors.front}
          {...photoProps("front")}
        />
        <PhotoField
          id="back"
          label={tp("back")}
          hint={tp("fileHint")}
          error={errors.back}
          {...photoProps("back")}
        />
      </div>
      <Button type="submit" disabled={pending || busy} className="w-full sm:w-auto sm:min-w-40">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
