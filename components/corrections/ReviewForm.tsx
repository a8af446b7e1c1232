"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/core/form-state";
import { FormAlert } from "@/components/ui/FormAlert";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { cn } from "@/components/ui/cn";
import { FileInput } from "@/components/ui/FileInput";

export type ReviewItem = {
  id: string;
  label: string;
  current: string;
  requested: string;
  /** the value when the student submitted, if the record changed since */
  submittedDiffers: string | null;
  reason: string;
  highRisk: boolean;
  collegeDecision?: string;
  collegeReason?: string | null;
  /** a value in the ID-number font */
  mono: boolean;
  /** a 分院 / 专业 / 班级 the organisation does not have (the registrar may create it with the approval) */
  unknownUnit: { kind: "college" | "major" | "classGroup"; value: string } | null;
};

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/**
 * A reviewer's per-item decision: 同意 / 不同意 (+ reason) for every item, an overall note, one submit.
 * The page's lockVersion is posted, so a request changed by a colleague meanwhile is refused, not
 * overwritten. Works without JavaScript (radios and inputs in one form).
 */
export function ReviewForm({
  action,
  requestId,
  lockVersion,
  items,
  mode,
  photo,
}: {
  action: Action;
  requestId: string;
  lockVersion: number;
  items: ReviewItem[];
  mode: "college" | "registrar" | "provincial";
  /** an admission-photo item under the registrar's review: the request's image evidence to choose from */
  photo?: { itemId: string; choices: { id: string; name: string }[] };
}) {
  const t = useTranslations("corrections.review");
  const td = useTranslations("corrections.decision");
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, { status: "idle" });
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const acceptLabel = mode === "provincial" ? t("acceptProvincial") : t("accept");
  const rejectLabel = mode === "provincial" ? t("rejectProvincial") : t("reject");

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="lockVersion" value={lockVersion} />
      <FormAlert state={state} />
      {/* One card per item, stacked: the decision sits under (or, on wide screens, beside) what it decides,
          never in a table column pushed off-screen. */}
      <ul className="space-y-3" aria-label={t("diff")}>
        {items.map((item) => {
          const decisionError = errors[`decision.${item.id}`];
          const reasonError = errors[`reason.${item.id}`];
          const chosen = values[`decision.${item.id}`];
          const titleId = `item-${item.id}-title`;
          return (
            <li
              key={item.id}
              data-item={item.label}
              aria-labelledby={titleId}
              className="rounded-lg p-3 ring-1 ring-slate-200 sm:p-4"
            >
              <input type="hidden" name="items" value={item.id} />
              <h3 id={titleId} className="flex flex-wrap items-center gap-2 text-base font-semibold text-ink">
                {item.label}
                {item.highRisk ? <Badge tone="warning">{t("highRisk")}</Badge> : null}
              </h3>
              <div className="mt-3 grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,17rem)]">
                <dl className="grid min-w-0 gap-x-4 gap-y-2 text-sm sm:grid-cols-[7rem_minmax(0,1fr)]">
                  <dt className="text-slate-600">{t("current")}</dt>
                  <dd className={cn("min-w-0 break-words", item.mono && "font-mono break-all")}>
                    <del className="text-slate-700 decoration-red-400">{item.current}</del>
                    {item.submittedDiffers !== null ? (
                      <p className="mt-1 text-xs text-amber-800">
                        {t("changedSinceSubmit", { value: item.submittedDiffers })}
                      </p>
                    ) : null}
                  </dd>
                  <dt className="text-slate-600">{t("requested")}</dt>
                  <dd className={cn("min-w-0 break-words", item.mono && "font-mono break-all")}>
                    <ins className="font-semibold text-emerald-800 no-underline">{item.requested}</ins>
                    {item.unknownUnit ? (
                      <p className="mt-1 text-sm text-amber-900" data-unknown-unit="">
                        <Badge tone="warning" className="mr-1">
                          {t(`unknownUnit.${item.unknownUnit.kind}`, { value: item.unknownUnit.value })}
                        </Badge>
                        {mode === "college" ? t("unknownUnitCollege") : t("unknownUnitRegistrar")}
                      </p>
                    ) : null}
                  </dd>
                  <dt className="text-slate-600">{t("studentReason")}</dt>
                  <dd className="min-w-0 break-words text-slate-700">{item.reason}</dd>
                  {mode !== "college" ? (
                    <>
                      <dt className="text-slate-600">{t("collegeDecision")}</dt>
                      <dd className="min-w-0 break-words">
                        <Badge tone={item.collegeDecision === "accepted" ? "success" : "danger"}>
                          {td(item.collegeDecision ?? "pending")}
                        </Badge>
                        {item.collegeReason ? (
                          <p className="mt-1 text-xs text-slate-700">{item.collegeReason}</p>
                        ) : null}
                      </dd>
                    </>
                  ) : null}
                </dl>
                <div className="min-w-0 space-y-2 rounded-md bg-slate-50 p-3" data-decision="">
                  <fieldset aria-describedby={decisionError ? `decision-${item.id}-error` : undefined}>
                    <legend className="text-sm font-semibold text-ink">
                      <span aria-hidden="true">{t("yourDecision")}</span>
                      <span className="sr-only">{t("yourDecisionFor", { label: item.label })}</span>
                    </legend>
                    <div className="flex flex-wrap gap-x-5">
                      {(["accepted", "rejected"] as const).map((d) => (
                        <label key={d} className="inline-flex min-h-11 cursor-pointer items-center gap-2">
                          <input
                            type="radio"
                            name={`decision.${item.id}`}
                            value={d}
                            defaultChecked={chosen === d}
                            className="size-4 accent-brand-700"
                          />
                          {d === "accepted" ? acceptLabel : rejectLabel}
                        </label>
                      ))}
                    </div>
                    {decisionError ? (
                      <p
                        id={`decision-${item.id}-error`}
                        role="alert"
                        className="text-sm font-medium text-red-700"
                      >
                        {decisionError}
                      </p>
                    ) : null}
                  </fieldset>
                  {item.unknownUnit && mode !== "college" ? (
                    <label className="flex min-h-11 cursor-pointer items-start gap-2 text-sm">
                      <input
                        type="checkbox"
                        name={`create.${item.id}`}
                        value="1"
                        defaultChecked={values[`create.${item.id}`] === "1"}
                        className="mt-0.5 size-4 shrink-0 accent-brand-700"
                      />
                      {t(`createUnit.${item.unknownUnit.kind}`, { value: item.unknownUnit.value })}
                    </label>
                  ) : null}
                  <label htmlFor={`reason-${item.id}`} className="block text-xs font-medium text-slate-700">
                    {t("itemReason")}
                  </label>
                  <input
                    id={`reason-${item.id}`}
                    name={`reason.${item.id}`}
                    maxLength={500}
                    defaultValue={values[`reason.${item.id}`] ?? ""}
                    aria-invalid={!!reasonError || undefined}
                    aria-describedby={reasonError ? `reason-${item.id}-error` : undefined}
                    className={cn(
                      "block min-h-11 w-full rounded-md bg-white px-2.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600",
                      reasonError && "ring-2 ring-red-600",
                    )}
                  />
                  {reasonError ? (
                    <p
                      id={`reason-${item.id}-error`}
                      role="alert"
                      className="text-sm font-medium text-red-700"
                    >
                      {reasonError}
                    </p>
                  ) : null}
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      {photo && mode !== "college" ? (
        <NewPhotoField
          itemId={photo.itemId}
          choices={photo.choices}
          chosen={values.photoEvidence}
          error={errors[`photo.${photo.itemId}`]}
        />
      ) : null}
      {mode === "provincial" ? (
        <TextField
          id="provincialRef"
          name="provincialRef"
          label={t("provincialRef")}
          hint={t("provincialRefHint")}
          required
          maxLength={60}
          defaultValue={values.provincialRef ?? ""}
          error={errors.provincialRef}
        />
      ) : null}
      <div className="space-y-1.5">
        <label htmlFor="note" className="block text-sm font-medium text-slate-800">
          {t("note")}
        </label>
        <textarea
          id="note"
          name="note"
          maxLength={500}
          defaultValue={values.note ?? ""}
          aria-describedby="note-hint"
          className="block min-h-20 w-full rounded-lg px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
        />
        <p id="note-hint" className="text-xs text-slate-600">
          {t("noteHint")}
        </p>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}

/**
 * 新的录取照片, needed to approve an admission-photo item: one of the request's image evidence files (the
 * student's photo), or a photo the registrar uploads (e.g. from the admissions office). Ignored when the
 * item is rejected.
 */
function NewPhotoField({
  itemId,
  choices,
  chosen,
  error,
}: {
  itemId: string;
  choices: { id: string; name: string }[];
  chosen?: string;
  error?: string;
}) {
  const t = useTranslations("corrections.review");
  const errorId = `photo-${itemId}-error`;
  return (
    <fieldset
      className="space-y-2 rounded-lg p-3 ring-1 ring-slate-200"
      aria-describedby={error ? errorId : "photo-hint"}
    >
      <legend className="px-1 text-sm font-semibold text-ink">{t("newPhoto")}</legend>
      <p id="photo-hint" className="text-xs text-slate-600">
        {t("newPhotoHint")}
      </p>
      {choices.map((c) => (
        <label key={c.id} className="flex min-h-11 cursor-pointer items-center gap-2 text-sm">
          <input
            type="radio"
            name="photoEvidence"
            value={c.id}
            defaultChecked={chosen === c.id}
            className="size-4 accent-brand-700"
          />
          {t("newPhotoFromEvidence", { name: c.name })}
        </label>
      ))}
      <label htmlFor="photoUpload" className="block text-sm font-medium text-slate-800">
        {t("newPhotoUpload")}
      </label>
      <FileInput
        id="photoUpload"
        name="photoUpload"
        accept="image/jpeg,image/png,.jpg,.jpeg,.png"
        invalid={!!error}
      />
      {error ? (
        <p id={errorId} role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
