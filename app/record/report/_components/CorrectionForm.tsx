"use client";

import { useActionState, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { submitCorrectionAction } from "@/app/record/report/actions";
import type { FormState } from "@/lib/core/form-state";
import { ETHNICITY_OPTIONS, GENDER_OPTIONS } from "@/lib/corrections/values";
import {
  CORRECTABLE_FIELDS,
  DATE_FIELDS,
  HIGH_RISK_FIELDS,
  PHOTO_FIELD,
  type RecordField,
  type RecordValues,
} from "@/lib/records/fields";
import { FormAlert } from "@/components/ui/FormAlert";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { cn } from "@/components/ui/cn";
import { displayValue, enumLabel } from "@/components/record/field-value";
import { FileInput } from "@/components/ui/FileInput";
import { MAX_EVIDENCE_MB, oversizedEvidence } from "@/lib/corrections/evidence-limits";

const control =
  "block w-full rounded-lg border-0 bg-white px-3.5 py-2.5 text-base text-ink shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600 sm:text-sm min-h-11";
const invalid = "ring-2 ring-red-600";

/** The organisation units 分院 / 专业 / 班级 are chosen from (majors and classes grouped by college). */
type Options = {
  colleges: string[];
  majors: { college: string; names: string[] }[];
  classGroups: { college: string; names: string[] }[];
};

/**
 * 信息有误. One block per correctable field: ticking "此项有误" reveals the correct-value and reason inputs
 * (pure CSS :has(), so it works without JavaScript; browsers without :has() show every input). Errors
 * appear at their field; typed values survive a failed submission (files cannot, by browser rule).
 */
export function CorrectionForm({
  recordId,
  version,
  values,
  options,
}: {
  recordId: string;
  version: number;
  values: RecordValues;
  options: Options;
}) {
  const t = useTranslations("corrections.form");
  const tr = useTranslations("record");
  const te = useTranslations("corrections.errors.evidence");
  const [state, action, pending] = useActionState<FormState, FormData>(submitCorrectionAction, {
    status: "idle",
  });
  // A file over the limit is named at the field before anything is sent (the page's body limit would
  // otherwise refuse the whole form); the server checks again.
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const checkSize = (input: HTMLInputElement | null) => {
    const file = oversizedEvidence(input?.files ?? []);
    const problem = file ? te("tooLarge", { name: file.name, mb: MAX_EVIDENCE_MB }) : null;
    setTooLarge(problem);
    return problem;
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const input = event.currentTarget.elements.namedItem("evidence");
    if (input instanceof HTMLInputElement && checkSize(input)) {
      event.preventDefault();
      input.focus();
    }
  };
  const typed = state.values ?? {};
  const ticked = new Set((typed.fields ?? "").split(",").filter(Boolean));
  const errors: Record<string, string | undefined> = { ...state.fieldErrors };
  if (tooLarge) errors.evidence = tooLarge;

  const valueInput = (
    field: RecordField,
    id: string,
    describedBy: string | undefined,
    isInvalid: boolean,
  ) => {
    // a select applies defaultValue only when it mounts: remount it with the typed value after a refusal
    const key = `${field}-${typed[`value.${field}`] ?? ""}`;
    const common = {
      id,
      name: `value.${field}`,
      defaultValue: typed[`value.${field}`] ?? "",
      "aria-invalid": isInvalid || undefined,
      "aria-describedby": describedBy,
      className: cn(control, isInvalid && invalid),
    };
    if (field === "gender" || field === "ethnicity") {
      const list = field === "gender" ? GENDER_OPTIONS : ETHNICITY_OPTIONS;
      return (
        <select key={key} {...common}>
          <option value="">{t("choose")}</option>
          {list.map((o) => (
            <option key={o} value={o}>
              {enumLabel(tr, field, o)}
            </option>
          ))}
        </select>
      );
    }
    if (field === "college" || field === "major" || field === "classGroup") {
      // chosen from the organisation, never typed: a unit that does not exist cannot be asked for
      const groups =
        field === "college"
          ? [{ college: "", names: options.colleges }]
          : field === "major"
            ? options.majors
            : options.classGroups;
      return (
        <select key={key} {...common}>
          <option value="">{t("choose")}</option>
          {groups.map((g) =>
            g.college ? (
              <optgroup key={g.college} label={g.college}>
                {g.names.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </optgroup>
            ) : (
              g.names.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))
            ),
          )}
        </select>
      );
    }
    if (DATE_FIELDS.has(field)) return <input type="date" {...common} />;
    return <input type="text" autoComplete="off" {...common} />;
  };

  return (
    <form action={action} onSubmit={onSubmit} className="space-y-6" encType="multipart/form-data" noValidate>
      <input type="hidden" name="recordId" value={recordId} />
      <input type="hidden" name="version" value={version} />
      <FormAlert state={state} />

      <fieldset aria-describedby={errors.fields ? "fields-error" : undefined}>
        <legend className="text-base font-semibold text-ink">{t("pick")}</legend>
        {errors.fields ? (
          <p id="fields-error" role="alert" className="mt-1 text-sm font-medium text-red-700">
            {errors.fields}
          </p>
        ) : null}
        <ul className="mt-3 space-y-3">
          {CORRECTABLE_FIELDS.map((field) => {
            const valueError = errors[`value.${field}`];
            const reasonError = errors[`reason.${field}`];
            const open = ticked.has(field) || !!valueError || !!reasonError;
            const valueId = `value-${field}`;
            const reasonId = `reason-${field}`;
            return (
              <li
                key={field}
                className="group rounded-lg p-3 ring-1 ring-slate-200 has-[[data-pick]:checked]:ring-brand-300 has-[[data-pick]:checked]:bg-brand-50/40"
              >
                <div className="flex items-start gap-3">
                  <input
                    type="checkbox"
                    id={`pick-${field}`}
                    name="fields"
                    value={field}
                    data-pick=""
                    defaultChecked={open}
                    className="mt-1 size-5 shrink-0 accent-brand-700"
                  />
                  <label htmlFor={`pick-${field}`} className="min-w-0 flex-1 cursor-pointer">
                    <span className="flex flex-wrap items-center gap-2 text-sm font-semibold text-ink">
                      {tr(`fields.${field}`)}
                      {HIGH_RISK_FIELDS.has(field) ? <Badge tone="warning">{t("highRisk")}</Badge> : null}
                      <span className="sr-only">{t("wrong")}</span>
                    </span>
                    <span className="mt-0.5 block text-sm break-words text-slate-700">
                      {t("currentLabel")}
                      <span className={field === "idNumber" ? "font-mono" : undefined}>
                        {displayValue(tr, field, values[field])}
                      </span>
                    </span>
                  </label>
                </div>
                <div
                  className={cn(
                    "mt-3 gap-3 sm:grid-cols-2",
                    open
                      ? "grid"
                      : "hidden group-has-[[data-pick]:checked]:grid supports-[not_selector(:has(*))]:grid",
                  )}
                >
                  <div className="space-y-1.5">
                    <label htmlFor={valueId} className="block text-sm font-medium text-slate-800">
                      {t("value")}
                    </label>
                    {valueInput(
                      field,
                      valueId,
                      [valueError ? `${valueId}-error` : "", field === "name" ? `${valueId}-hint` : ""]
                        .filter(Boolean)
                        .join(" ") || undefined,
                      !!valueError,
                    )}
                    {field === "name" ? (
                      <p id={`${valueId}-hint`} className="text-xs text-slate-600">
                        {t("nameHint")}
                      </p>
                    ) : null}
                    {valueError ? (
                      <p id={`${valueId}-error`} role="alert" className="text-sm font-medium text-red-700">
                        {valueError}
                      </p>
                    ) : null}
                  </div>
                  <div className="space-y-1.5">
                    <label htmlFor={reasonId} className="block text-sm font-medium text-slate-800">
                      {t("reason")}
                    </label>
                    <input
                      type="text"
                      id={reasonId}
                      name={`reason.${field}`}
                      maxLength={500}
                      defaultValue={typed[`reason.${field}`] ?? ""}
                      placeholder={t("reasonHint")}
                      aria-invalid={!!reasonError || undefined}
                      aria-describedby={reasonError ? `${reasonId}-error` : undefined}
                      className={cn(control, reasonError && invalid)}
                    />
                    {reasonError ? (
                      <p id={`${reasonId}-error`} role="alert" className="text-sm font-medium text-red-700">
                        {reasonError}
                      </p>
                    ) : null}
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
        <PhotoItem
          ticked={ticked.has(PHOTO_FIELD) || !!errors[`reason.${PHOTO_FIELD}`]}
          reason={typed[`reason.${PHOTO_FIELD}`] ?? ""}
          error={errors[`reason.${PHOTO_FIELD}`]}
          label={tr("fields.admissionPhoto")}
        />
      </fieldset>
      <p className="text-sm text-slate-600">{t("notCorrectable")}</p>

      <div className="space-y-1.5">
        <label htmlFor="evidence" className="block text-sm font-semibold text-ink">
          {t("evidence")}
        </label>
        <FileInput
          id="evidence"
          name="evidence"
          multiple
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          invalid={!!errors.evidence}
          onChange={(e) => checkSize(e.currentTarget)}
          aria-describedby={["evidence-hint", errors.evidence ? "evidence-error" : ""]
            .filter(Boolean)
            .join(" ")}
        />
        {errors.evidence ? (
          <p id="evidence-error" role="alert" className="text-sm font-medium text-red-700">
            {errors.evidence}
          </p>
        ) : null}
        <p id="evidence-hint" className="text-xs text-slate-600">
          {t("evidenceHint")}
        </p>
      </div>

      <Button type="submit" className="w-full sm:w-auto" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}

/**
 * 录取照片有误: no value to type — the reason, and a photo among the evidence. The registrar supplies the
 * new photo when approving.
 */
function PhotoItem({
  ticked,
  reason,
  error,
  label,
}: {
  ticked: boolean;
  reason: string;
  error?: string;
  label: string;
}) {
  const t = useTranslations("corrections.form");
  const id = `reason-${PHOTO_FIELD}`;
  return (
    <div className="group mt-3 rounded-lg p-3 ring-1 ring-slate-200 has-[[data-pick]:checked]:bg-brand-50/40 has-[[data-pick]:checked]:ring-brand-300">
      <div className="flex items-start gap-3">
        <input
          type="checkbox"
          id={`pick-${PHOTO_FIELD}`}
          name="fields"
          value={PHOTO_FIELD}
          data-pick=""
          defaultChecked={ticked}
          className="mt-1 size-5 shrink-0 accent-brand-700"
        />
        <label htmlFor={`pick-${PHOTO_FIELD}`} className="min-w-0 flex-1 cursor-pointer">
          <span className="text-sm font-semibold text-ink">{label}</span>
          <span className="mt-0.5 block text-sm text-slate-700">{t("photoHint")}</span>
        </label>
      </div>
      <div
        className={cn(
          "mt-3 space-y-1.5",
          ticked
            ? "block"
            : "hidden group-has-[[data-pick]:checked]:block supports-[not_selector(:has(*))]:block",
        )}
      >
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {t("reason")}
        </label>
        <input
          type="text"
          id={id}
          name={`reason.${PHOTO_FIELD}`}
          maxLength={500}
          defaultValue={reason}
          placeholder={t("photoReasonHint")}
          aria-invalid={!!error || undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={cn(control, error && invalid)}
        />
        {error ? (
          <p id={`${id}-error`} role="alert" className="text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
