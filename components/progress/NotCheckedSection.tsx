import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { DataTable } from "@/components/ui/Table";
import type { ListParams } from "@/lib/core/list-params";
import type { NotCheckedFilter, NotCheckedRow, NotCheckedSort } from "@/lib/progress/not-checked";
import type { FilterOptions } from "@/lib/progress/options";
import { ListPager } from "@/components/ui/ListPager";
import { RemindForm } from "./RemindForm";
import type { RevealAction } from "@/lib/progress/reveal-state";
import type { FormAction } from "@/lib/core/form-state";
import type { RemindStep } from "@/lib/reminders/remind-step";
import { RevealForms } from "./RevealForms";
import { NotCheckedRows } from "./NotCheckedRows";
import { NotCheckedFilters } from "./NotCheckedFilters";
import { NotCheckedHead, type NotCheckedColumn } from "./NotCheckedHead";
import { compactRow } from "./not-checked-row";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { enumLabel } from "@/components/record/field-value";

/** Query string of the filters (and campaign), for links, exports and the reminder. */
export function filterParams(campaignId: string, f: Partial<NotCheckedFilter>): Record<string, string> {
  const out: Record<string, string> = { campaign: campaignId };
  for (const key of ["q", "registered", "viewed", "collegeId", "majorId", "classGroupId"] as const) {
    const v = f[key];
    if (v) out[key] = String(v);
  }
  return out;
}

const SORTABLE: NotCheckedSort[] = [
  "studentNumber",
  "name",
  "gender",
  "college",
  "major",
  "classGroup",
  "status",
];

/**
 * 未查名单: filters (GET), one server-side page sorted and sized as the URL says, masked ID numbers with a
 * logged reveal, export, remind.
 */
export async function NotCheckedSection({
  campaignId,
  filter,
  list,
  data,
  options,
  canExport,
  canRemind,
  canReveal,
  canRevealPhone,
  revealActions,
  remindAction,
  basePath,
}: {
  campaignId: string;
  filter: NotCheckedFilter;
  list: ListParams<NotCheckedSort>;
  data: { rows: NotCheckedRow[]; total: number; page: number; pages: number };
  options: FilterOptions;
  canExport: boolean;
  canRemind: boolean;
  canReveal: boolean;
  canRevealPhone: boolean;
  /** the route's reveal actions (components do not import app/) */
  revealActions: { id: RevealAction; phone: RevealAction };
  /** 发送提醒 (given when the reader may send reminders) */
  remindAction: FormAction<RemindStep>;
  basePath: string;
}) {
  const t = await getTranslations("progress");
  const tr = await getTranslations("record");
  const tl = await getTranslations("list");
  const params = filterParams(campaignId, filter);
  // a list of one college (a college's desk) says its college once, in the page's scope line, not on each row
  const showCollege = options.colleges.length > 1;
  const sortable = SORTABLE.filter((k) => showCollege || k !== "college");
  const qs = (extra: Record<string, string> = {}) => new URLSearchParams({ ...params, ...extra }).toString();
  return (
    <section aria-labelledby="not-checked-title" className="space-y-4">
      <div>
        <h2 id="not-checked-title" className="text-xl font-bold">
          {t("list.title")}
        </h2>
        <p className="text-sm text-slate-600">{t("list.description")}</p>
        {/* once for the table rather than in a title on each row's two buttons */}
        {canReveal || canRevealPhone ? (
          <p className="text-sm text-slate-600">{t("list.revealLogged")}</p>
        ) : null}
      </div>
      <Card>
        <NotCheckedFilters
          campaignId={campaignId}
          values={params}
          colleges={options.colleges.length > 1 ? options.colleges.map((o) => [o.id, o.name]) : null}
          majors={options.majors.map((o) => [o.id, o.name])}
          classGroups={
            options.classGroups.length > 0 || options.classesNeedMajor
              ? options.classGroups.map((o) => [o.id, o.name])
              : null
          }
          texts={{
            title: t("list.title"),
            search: t("list.search"),
            searchHint: t("list.searchHint"),
            registered: t("list.registered"),
            viewed: t("list.viewed"),
            any: t("list.any"),
            yes: t("list.yes"),
            no: t("list.no"),
            college: t("list.college"),
            anyCollege: t("list.anyCollege"),
            major: t("list.major"),
            anyMajor: t("list.anyMajor"),
            classGroup: t("list.classGroup"),
            anyClassGroup: t("list.anyClassGroup"),
            classGroupNeedsMajor: options.classesNeedMajor ? t("list.classGroupNeedsMajor") : null,
            filter: t("list.filter"),
            reset: t("list.reset"),
            count: t("list.count", { total: data.total }),
          }}
          resetHref={`${basePath}?${new URLSearchParams({ campaign: campaignId })}`}
        />
      </Card>

      {data.rows.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-600">{t("list.empty")}</p>
        </Card>
      ) : (
        <ClientMessages namespaces={["progress.reveal", "progress.phone"]}>
          <RevealForms revealId={revealActions.id} revealPhone={revealActions.phone}>
            <DataTable
              caption={t("list.title")}
              framed
              dense
              testId="not-checked-table"
              className={showCollege ? "not-checked-list not-checked-list--colleges" : "not-checked-list"}
            >
              <NotCheckedHead
                columns={(
                  [
                    "studentNumber",
                    "name",
                    "gender",
                    ...(showCollege ? (["college"] as const) : []),
                    "major",
                    "classGroup",
                    "idNumber",
                    "phone",
                    "status",
                  ] as const
                ).map((k): NotCheckedColumn => {
                  const label = t(`list.${k}`);
                  if (!(sortable as string[]).includes(k)) return [k, label, null];
                  const next = list.sort === k && list.dir === "asc" ? "sortDescTitle" : "sortAscTitle";
                  return [k, label, tl(next, { column: label })];
                })}
                basePath={basePath}
                filters={params}
                sort={list.sort}
                dir={list.dir}
                pageSize={list.pageSize}
                anchor="not-checked-title"
              />
              <NotCheckedRows
                rows={data.rows.map((r) => compactRow(r, enumLabel(tr, "gender", r.gender), showCollege))}
                labels={{
                  noPhone: t("list.noPhone"),
                  reported: t("list.reported"),
                  registeredYes: t("list.registeredYes"),
                  registeredNo: t("list.registeredNo"),
                  viewedYes: t("list.viewedYes"),
                  viewedNo: t("list.viewedNo"),
                }}
                canReveal={canReveal}
                canRevealPhone={canRevealPhone}
              />
            </DataTable>
          </RevealForms>
        </ClientMessages>
      )}
      <ListPager
        id="not-checked"
        basePath={basePath}
        filters={params}
        params={{ ...list, page: data.page }}
        pages={data.pages}
        total={data.total}
        anchor="not-checked-title"
        sortOptions={sortable.map((k) => ({ value: k, label: t(`list.${k}`) }))}
      />

      <div className="grid gap-4 md:grid-cols-2">
        {canExport ? (
          <Card>
            <h3 className="font-semibold">{t("export.title")}</h3>
            <p className="mt-1 text-sm text-slate-600">{t("export.hint")}</p>
            <div className="mt-3 flex flex-wrap gap-2">
              <a
                className={buttonClass("secondary")}
                href={`/college/export?${qs({ format: "xlsx" })}`}
                download
              >
                {t("export.xlsx")}
              </a>
              <a
                className={buttonClass("secondary")}
                href={`/college/export?${qs({ format: "csv" })}`}
                download
              >
                {t("export.csv")}
              </a>
            </div>
          </Card>
        ) : null}
        {canRemind ? (
          <Card>
            <h3 className="font-semibold">{t("remind.title")}</h3>
            <div className="mt-1">
              <ClientMessages namespaces={["progress.remind"]}>
                <RemindForm hidden={params} remind={remindAction} />
              </ClientMessages>
            </div>
          </Card>
        ) : null}
      </div>
    </section>
  );
}
