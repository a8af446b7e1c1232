"use client";

import Link from "next/link";

/** A column of the not-checked table: its key, name and — when it sorts the list — its link's tooltip. */
export type NotCheckedColumn = [key: string, label: string, sortTitle: string | null];

/**
 * The not-checked table's header row, from its columns and the list's view: the same markup as SortTh
 * (components/ui/SortTh.tsx) — a link to page 1 sorted by the column, aria-sort on the header — without
 * sending each header's element tree and link a second time in the page's payload.
 */
export function NotCheckedHead({
  columns,
  basePath,
  filters,
  sort,
  dir,
  pageSize,
  anchor,
}: {
  columns: NotCheckedColumn[];
  basePath: string;
  /** the list's filters (campaign first), kept by every link */
  filters: Record<string, string>;
  sort: string;
  dir: "asc" | "desc";
  pageSize: number;
  anchor: string;
}) {
  return (
    <thead>
      <tr>
        {columns.map(([key, label, sortTitle]) => {
          if (sortTitle === null)
            return (
              <th key={key} scope="col">
                {label}
              </th>
            );
          const active = sort === key;
          const nextDir = active && dir === "asc" ? "desc" : "asc";
          // the same query as listQuery (lib/core/list-params.ts) builds for page 1
          const query = new URLSearchParams({
            ...filters,
            sort: key,
            dir: nextDir,
            pageSize: String(pageSize),
          });
          return (
            <th
              key={key}
              scope="col"
              aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}
            >
              <Link
                href={`${basePath}?${query}#${anchor}`}
                className={active ? "sort-link text-brand-800" : "sort-link"}
                title={sortTitle}
              >
                {label}
                <span aria-hidden="true" className={active ? "" : "text-slate-400"}>
                  {active ? (dir === "asc" ? "▲" : "▼") : "↕"}
                </span>
              </Link>
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
