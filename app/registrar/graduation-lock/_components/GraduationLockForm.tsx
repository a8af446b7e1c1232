"use client";

import { useTranslations } from "next-intl";
import { graduationLockAction } from "../actions";
import { UploadForm } from "@/components/import/UploadForm";
import { bodyLimitFor, FORM_OVERHEAD } from "@/lib/security/body-limits";

/** The 学号 file: uploading only lists who would be locked; locking is a separate, confirmed step. */
export function GraduationLockForm() {
  const t = useTranslations("import.graduation");
  return (
    <UploadForm
      action={graduationLockAction}
      label={t("file")}
      hint={t("description")}
      submit={t("submit")}
      maxBytes={bodyLimitFor("/registrar/graduation-lock") - FORM_OVERHEAD}
    />
  );
}
