import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Previous / next links that keep the other query parameters. */
export async function Pagination({
  page,
  pages,
  hrefFor,
  summary,
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  summary?: string;
}) {
  const t = await getTranslations("progress.list");
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link
          className="rounded-lg px-3 py-2 font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50"
          href={hrefFor(page - 1)}
          rel="prev"
        >
          {t("prev")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600">
        {t("pageOf", { page, pages })}
        {summary ? ` · ${summary}` : ""}
      </span>
      {page < pages ? (
        <Link
          className="rounded-lg px-3 py-2 font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50"
          href={hrefFor(page + 1)}
          rel="next"
        >
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
