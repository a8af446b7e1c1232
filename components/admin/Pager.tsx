import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Previous / next links that keep the current filters (works without JavaScript). */
export async function Pager({
  page,
  pageSize,
  total,
  params,
}: {
  page: number;
  pageSize: number;
  total: number;
  params: Record<string, string | undefined>;
}) {
  const t = await getTranslations("admin.pager");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    q.set("page", String(p));
    return `?${q.toString()}`;
  };
  return (
    <nav className="mt-4 flex items-center justify-between text-sm" aria-label={t("label")}>
      {page > 1 ? (
        <Link
          className="font-semibold text-brand-700 underline underline-offset-4"
          href={href(page - 1)}
          rel="prev"
        >
          {t("prev")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600">{t("status", { page, pages, total })}</span>
      {page < pages ? (
        <Link
          className="font-semibold text-brand-700 underline underline-offset-4"
          href={href(page + 1)}
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
