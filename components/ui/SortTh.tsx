import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listQuery, type ListParams } from "@/lib/core/list-params";
import { cn } from "./cn";

/**
 * A column header that sorts the list: a link to page 1 sorted by this column (ascending first, the other
 * way when it is already the sort), with aria-sort telling assistive technology the current order.
 */
export async function SortTh({
  column,
  label,
  basePath,
  filters,
  params,
  anchor,
  className,
}: {
  column: string;
  label: string;
  basePath: string;
  filters: Record<string, string | number | undefined | null>;
  params: ListParams;
  anchor?: string;
  className?: string;
}) {
  const t = await getTranslations("list");
  const active = params.sort === column;
  const nextDir = active && params.dir === "asc" ? "desc" : "asc";
  const href = `${basePath}?${listQuery(filters, { ...params, sort: column, dir: nextDir, page: 1 })}${
    anchor ? `#${anchor}` : ""
  }`;
  return (
    <th
      scope="col"
      className={className}
      aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : "none"}
    >
      <Link
        href={href}
        className={cn("sort-link", active && "text-brand-800")}
        title={t(nextDir === "asc" ? "sortAscTitle" : "sortDescTitle", { column: label })}
      >
        {label}
        <span aria-hidden="true" className={active ? "" : "text-slate-400"}>
          {active ? (params.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </th>
  );
}
