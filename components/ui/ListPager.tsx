import { getTranslations } from "next-intl/server";
import { listQuery, PAGE_SIZES, type ListParams } from "@/lib/core/list-params";
import { cn } from "./cn";
import { SelectField } from "./Field";
import { Pagination } from "./Pagination";

type Filters = Record<string, string | number | undefined | null>;

/**
 * The one pager of every staff list: previous / next, "page N of M · total", and a GET form (works without
 * JavaScript) to jump to a page, choose the page size and — for phones, where a stacked table hides its
 * column headers — the sort column and direction. Every choice lands in the URL, so a link reproduces the view.
 * Its previous / next part is Pagination, which lists that cannot be sorted or resized (an import job's rows)
 * use alone: one pager, with or without its view options.
 */
export async function ListPager({
  id,
  basePath,
  filters,
  params,
  pages,
  total,
  sortOptions,
  anchor,
  className,
}: {
  /** prefix of the form's element ids (several lists can share a page) */
  id: string;
  basePath: string;
  /** the list's filters, kept by every link and by the form */
  filters: Filters;
  params: ListParams;
  pages: number;
  total: number;
  /** the columns the list can be sorted by, with their names */
  sortOptions: { value: string; label: string }[];
  /** a fragment to land on (the list's heading) */
  anchor?: string;
  className?: string;
}) {
  const t = await getTranslations("list");
  const href = (page: number) =>
    `${basePath}?${listQuery(filters, { ...params, page })}${anchor ? `#${anchor}` : ""}`;
  const kept = Object.entries(filters).filter(
    (e): e is [string, string | number] => e[1] !== undefined && e[1] !== null && e[1] !== "",
  );
  return (
    <div className={cn("mt-4 space-y-3 text-sm [&>nav]:mt-0", className)} data-testid={`${id}-pager`}>
      <Pagination page={params.page} pages={pages} total={total} hrefFor={href} />
      <form
        // a new view (a header clicked, a page followed) brings fresh controls, not the last view's choices
        key={listQuery(filters, params)}
        method="get"
        action={`${basePath}${anchor ? `#${anchor}` : ""}`}
        aria-label={t("viewOptions")}
        // styles in app/globals.css (.list-view-form): every staff list has this form
        className="list-view-form"
      >
        {kept.map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={String(v)} />
        ))}
        <SelectField id={`${id}-sort`} name="sort" label={t("sortBy")} defaultValue={params.sort}>
          {sortOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
        <SelectField id={`${id}-dir`} name="dir" label={t("direction")} defaultValue={params.dir}>
          <option value="asc">{t("asc")}</option>
          <option value="desc">{t("desc")}</option>
        </SelectField>
        <SelectField
          id={`${id}-pageSize`}
          name="pageSize"
          label={t("pageSize")}
          defaultValue={String(params.pageSize)}
        >
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {t("perPage", { count: n })}
            </option>
          ))}
        </SelectField>
        <div>
          <label htmlFor={`${id}-page`}>{t("jump", { pages })}</label>
          <input
            id={`${id}-page`}
            name="page"
            type="number"
            inputMode="numeric"
            // no max: a new page size changes the number of pages; the server shows the last page past the end
            min={1}
            defaultValue={params.page}
            className="input-plain w-24"
          />
        </div>
        <button type="submit" className="list-view-apply">
          {t("apply")}
        </button>
      </form>
    </div>
  );
}
