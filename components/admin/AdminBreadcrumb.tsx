import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** "系统管理 / <section>" so staff always know where they are and can go back. */
export async function AdminBreadcrumb({ items }: { items: { href?: string; label: string }[] }) {
  const t = await getTranslations("admin");
  const all = [{ href: "/admin", label: t("title") }, ...items];
  return (
    <nav aria-label={t("breadcrumb")} className="mb-3 text-sm text-slate-600">
      <ol className="flex flex-wrap items-center gap-1.5">
        {all.map((item, i) => (
          <li key={`${item.label}-${i}`} className="flex items-center gap-1.5">
            {i > 0 ? <span aria-hidden="true">/</span> : null}
            {item.href && i < all.length - 1 ? (
              <Link className="hover:text-brand-700 hover:underline" href={item.href}>
                {item.label}
              </Link>
            ) : (
              <span aria-current={i === all.length - 1 ? "page" : undefined} className="text-slate-800">
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
