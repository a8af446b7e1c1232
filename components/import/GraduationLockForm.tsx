"use client";

import { useTranslations } from "next-intl";
import { graduationLockAction } from "@/app/registrar/graduation-lock/actions";
import type { FormState } from "@/lib/core/form-state";
import type { LockReport } from "@/lib/roster-import/graduation-lock";
import { Alert } from "@/components/ui/Alert";
import { UploadForm } from "./UploadForm";
import { bodyLimitFor, FORM_OVERHEAD } from "@/lib/security/body-limits";

export function GraduationLockForm() {
  const t = useTranslations("import.graduation");
  return (
    <UploadForm
      action={graduationLockAction as (prev: FormState, formData: FormData) => Promise<FormState>}
      label={t("file")}
      hint={t("description")}
      submit={t("submit")}
      maxBytes={bodyLimitFor("/registrar/graduation-lock") - FORM_OVERHEAD}
      result={(state) => {
        const report = state.status === "success" ? (state.data as LockReport | undefined) : undefined;
        if (!report) return null;
        return (
          <Alert tone={report.unknown > 0 ? "warning" : "success"}>
            <p>
              {t("result", {
                total: report.total,
                locked: report.locked,
                alreadyLocked: report.alreadyLocked,
                unknown: report.unknown,
              })}
            </p>
            {report.unknown > 0 ? (
              <>
                <p className="mt-1 font-mono text-xs">
                  {t("unknownSample", { list: report.unknownSample.join("、") })}
                </p>
                <a
                  className="mt-1 inline-block font-medium underline"
                  href={`/registrar/import/${report.jobId}/report`}
                  download
                >
                  {t("report")}
                </a>
              </>
            ) : null}
          </Alert>
        );
      }}
    />
  );
}
