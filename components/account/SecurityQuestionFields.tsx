"use client";

import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/ui/Field";
import { SECURITY_QUESTIONS, SECURITY_QUESTION_SLOTS } from "@/lib/accounts/security-question-keys";

/** 密保问题1–3 with their 答案 fields (answers are never echoed back). */
export function SecurityQuestionFields({
  values,
  errors,
}: {
  values?: Record<string, string>;
  errors?: Record<string, string>;
}) {
  const t = useTranslations("register");
  return (
    <div className="space-y-4">
      {SECURITY_QUESTION_SLOTS.map((n) => (
        <div key={n} className="grid gap-3 sm:grid-cols-2">
          <SelectField
            id={`question${n}`}
            label={t("securityQuestion.label", { n })}
            defaultValue={values?.[`question${n}`] ?? ""}
            error={errors?.[`question${n}`]}
          >
            <option value="">{t("securityQuestion.choose")}</option>
            {SECURITY_QUESTIONS.map((key) => (
              <option key={key} value={key}>
                {t(`securityQuestions.${key}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id={`answer${n}`}
            label={t("securityQuestion.answerLabelN", { n })}
            autoComplete="off"
            maxLength={50}
            error={errors?.[`answer${n}`]}
          />
        </div>
      ))}
      <p className="text-xs text-slate-600">{t("securityQuestion.hint")}</p>
    </div>
  );
}
