"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { uploadPhotosAction } from "@/app/identity/actions";
import type { IdentityFormData } from "@/lib/identity-cases/form-states";
import type { FormState } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";
import { PhotoField } from "@/components/identity/PhotoField";
import { usePhotoSubmit } from "@/components/identity/usePhotoSubmit";

const idle: FormState<IdentityFormData> = { status: "idle" };

/** The two hand-held photos, uploaded together; errors appear at the photo they concern. */
export function PhotoUploadForm({ usedUp }: { usedUp: boolean }) {
  const t = useTranslations("identity.photos");
  const [state, action, pending] = useActionState(uploadPhotosAction, idle);
  const { submit, busy, photoProps } = usePhotoSubmit(state, action);
  return (
    <form action={action} onSubmit={submit} className="space-y-5" noValidate>
      {state.status === "success" && state.data?.message ? (
        <Alert tone="success">{state.data.message}</Alert>
      ) : null}
      <FormAlert state={state} />
      {usedUp ? <Alert tone="warning">{t("limitsUsedUp")}</Alert> : null}
      {/* A new key after each success empties the file inputs for the next upload. */}
      <div
        key={state.status === "success" ? state.data?.message : "form"}
        className="grid gap-5 sm:grid-cols-2"
      >
        <PhotoField
          id="front"
          label={t("front")}
          hint={t("fileHint")}
          error={state.fieldErrors?.front}
          {...photoProps("front")}
        />
        <PhotoField
          id="back"
          label={t("back")}
          hint={t("fileHint")}
          error={state.fieldErrors?.back}
          {...photoProps("back")}
        />
      </div>
      <Button type="submit" disabled={pending || busy} className="w-full sm:w-auto">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
