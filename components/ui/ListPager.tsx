import { getTranslations } from "next-intl/server";
import { listQuery, PAGE_SIZES, type ListParams } from "@/lib/core/list-params";
import { cn } from "./cn";
import { ListViewForm } from "./ListViewForm";
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
      <ListViewForm
        // a new view (a header clicked, a page followed) brings fresh controls, not the last view's choices
        key={listQuery(filters, params)}
        id={id}
        action={`${basePath}${anchor ? `#${anchor}` : ""}`}
        kept={kept.map(([k, v]) => [k, String(v)])}
        sorts={sortOptions.map((o) => [o.value, o.label])}
        sizes={PAGE_SIZES.map((n) => [String(n), t("perPage", { count: n })])}
        sort={params.sort}
        dir={params.dir}
        pageSize={String(params.pageSize)}
        page={params.page}
        texts={{
          viewOptions: t("viewOptions"),
          sortBy: t("sortBy"),
          direction: t("direction"),
          asc: t("asc"),
          desc: t("desc"),
          pageSize: t("pageSize"),
          jump: t("jump", { pages }),
          apply: t("apply"),
        }}
      />
    </div>
  );
}
