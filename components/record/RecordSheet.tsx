import { getTranslations } from "next-intl/server";
import type { ConsistencyHint } from "@/lib/records/consistency";
import {
  ENROLLMENT_FIELDS,
  PERSONAL_FIELDS,
  type RecordField,
  type RecordValues,
} from "@/lib/records/fields";
import { Card } from "@/components/ui/Card";
import { cn } from "@/components/ui/cn";
import { displayValue } from "./field-value";

/**
 * The record as the national site shows it: 录取照片 beside the personal fields, then the enrollment
 * fields, as definition lists that stack at 360 px. Fields disagreeing with the ID number are marked in
 * place, with the reason in words (not only colour). A row's styles are classes of app/globals.css
 * (.record-row): some twenty rows carried the same long class strings, twice (HTML and payload).
 */
export async function RecordSheet({
  recordId,
  values,
  hints,
  hasPhoto,
}: {
  recordId: string;
  values: RecordValues;
  hints: ConsistencyHint[];
  hasPhoto: boolean;
}) {
  const t = await getTranslations("record");
  const hintFor = new Map(hints.map((h) => [h.field, h]));
  const row = (field: RecordField) => {
    const hint = hintFor.get(field as ConsistencyHint["field"]);
    return (
      <div key={field} className={cn("record-row", hint && "record-row--hint")} data-field={field}>
        <dt>{t(`fields.${field}`)}</dt>
        <dd>
          {field === "idNumber" ? (
            <span className="record-id">{displayValue(t, field, values[field])}</span>
          ) : (
            displayValue(t, field, values[field])
          )}
          {hint ? (
            <p className="mt-1 flex items-start gap-1 text-sm font-normal text-amber-900">
              <span aria-hidden="true">⚠</span>
              {t(`hints.${hint.field}`, { value: hint.fromIdNumber })}
            </p>
          ) : null}
        </dd>
      </div>
    );
  };

  return (
    <Card className="overflow-hidden p-0 sm:p-0" aria-labelledby="record-personal">
      <div className="flex flex-col gap-4 border-b border-slate-200 p-4 sm:flex-row sm:p-6">
        <figure className="shrink-0">
          {hasPhoto ? (
            // A private, per-user image served with no-store: next/image's optimiser would cache it.
            // eslint-disable-next-line @next/next/no-img-element
            <img
              src={`/files/admission/${recordId}`}
              alt={t("photo.alt", { name: values.name })}
              width={120}
              height={160}
              className="h-40 w-30 rounded-md object-cover ring-1 ring-slate-300"
            />
          ) : (
            <div className="grid h-40 w-30 place-items-center rounded-md bg-slate-100 p-2 text-center text-xs text-slate-600 ring-1 ring-slate-300">
              {t("photo.missing")}
            </div>
          )}
          <figcaption className="mt-1 text-xs text-slate-600">{t("fields.admissionPhoto")}</figcaption>
        </figure>
        <div className="min-w-0 flex-1">
          <h2 id="record-personal" className="text-lg font-semibold text-ink">
            {t("groups.personal")}
          </h2>
          <dl className="mt-2 -mx-4 divide-y divide-slate-100">{PERSONAL_FIELDS.map(row)}</dl>
        </div>
      </div>
      <div className="p-4 sm:p-6">
        <h2 className="text-lg font-semibold text-ink">{t("groups.enrollment")}</h2>
        <dl className="mt-2 -mx-4 divide-y divide-slate-100">{ENROLLMENT_FIELDS.map(row)}</dl>
      </div>
    </Card>
  );
}
