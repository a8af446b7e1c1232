import Link from "next/link";
import { getTranslations } from "next-intl/server";

const linkClass =
  "inline-flex min-h-11 items-center rounded-lg px-3 font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50";

/**
 * Previous / next links with "page N of M" (and the total when given), for every paged list. The links
 * come from `hrefFor`, which keeps the list's other query parameters. Lists with sorting and a page size
 * use it through ListPager.
 */
export async function Pagination({
  page,
  pages,
  total,
  hrefFor,
}: {
  page: number;
  pages: number;
  total?: number;
  hrefFor: (page: number) => string;
}) {
  const t = await getTranslations("list");
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link className={linkClass} href={hrefFor(page - 1)} rel="prev">
          {t("prev")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-center text-slate-600">
        {total === undefined ? t("pageOf", { page, pages }) : t("status", { page, pages, total })}
      </span>
      {page < pages ? (
        <Link className={linkClass} href={hrefFor(page + 1)} rel="next">
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
