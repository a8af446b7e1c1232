import { getTranslations } from "next-intl/server";
import type { ChangeRow } from "@/lib/roster-import/changes";
import { fieldLabel } from "@/lib/roster-import/report";
import { DataTable, Td, Th } from "@/components/ui/Table";
import { Pagination } from "@/components/progress/Pagination";
import { enumLabel } from "@/components/record/field-value";

/**
 * One page of the students an import changes: 学号, name and every changed field old → new (ID numbers
 * masked), or the new students with their row; with the total and links to the other pages.
 */
export async function ChangeList({
  id,
  title,
  caption,
  rows,
  total,
  page,
  pageSize,
  hrefFor,
  showFields,
  note,
}: {
  id: string;
  title: string;
  caption: string;
  rows: ChangeRow[];
  total: number;
  page: number;
  pageSize: number;
  hrefFor: (page: number) => string;
  showFields: boolean;
  note?: string;
}) {
  const t = await getTranslations("import");
  // fixed value lists (status, gender, level, …) in the reader's language, as on the record page
  const tr = await getTranslations("record");
  const shown = (field: string, value: string) => (value ? enumLabel(tr, field, value) : t("changes.empty"));
  return (
    <section aria-labelledby={`${id}-title`} className="mb-6">
      <h3 id={`${id}-title`} className="mb-1 text-lg font-semibold">
        {title}
      </h3>
      {note ? <p className="mb-3 text-sm text-slate-600">{note}</p> : null}
      {/* On a phone each student is a card and long values wrap: the old → new values are read without
          scrolling sideways. */}
      <DataTable caption={caption} framed stack testId={id}>
        <thead>
          <tr>
            <Th>{t("job.row")}</Th>
            <Th>{t("job.studentNumber")}</Th>
            <Th>{t("changes.name")}</Th>
            {showFields ? <Th>{t("changes.fields")}</Th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <Td label={t("job.row")} className="tabular-nums">
                {row.rowNumber}
              </Td>
              <Td label={t("job.studentNumber")} className="font-mono text-xs">
                {row.studentNumber}
              </Td>
              <Td label={t("changes.name")}>{row.name}</Td>
              {showFields ? (
                <Td label={t("changes.fields")} wrap>
                  <ul className="min-w-0 space-y-0.5 break-words">
                    {row.fields.map((f) => (
                      <li key={f.field} data-field={f.field}>
                        <span className="font-medium">{fieldLabel(f.field)}</span>
                        {t("changes.colon")}
                        <del className="text-slate-500">{shown(f.field, f.before)}</del>
                        <span aria-hidden="true"> → </span>
                        <span className="sr-only">{t("changes.to")}</span>
                        <ins className="font-medium text-emerald-800 no-underline">
                          {shown(f.field, f.after)}
                        </ins>
                      </li>
                    ))}
                  </ul>
                </Td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </DataTable>
      {total > pageSize ? (
        <Pagination page={page} pages={Math.ceil(total / pageSize)} hrefFor={hrefFor} />
      ) : null}
    </section>
  );
}
