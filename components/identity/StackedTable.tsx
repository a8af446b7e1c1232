import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type Column = { key: string; label: string; className?: string };

/**
 * A table that stays a table for assistive technology and on wide screens, and becomes one labelled card
 * per row on a 360 px phone (each cell shows its column name).
 */
export function StackedTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: Column[];
  rows: { id: string; cells: Record<string, ReactNode> }[];
}) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="hidden border-b border-slate-200 text-xs font-semibold uppercase tracking-wide text-slate-600 sm:table-header-group">
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col" className={cn("px-3 py-2.5", c.className)}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="block divide-y divide-slate-200 sm:table-row-group">
        {rows.map((row) => (
          <tr key={row.id} className="block py-3 sm:table-row sm:py-0">
            {columns.map((c) => (
              <td
                key={c.key}
                className={cn("flex gap-3 px-1 py-1 sm:table-cell sm:px-3 sm:py-3", c.className)}
              >
                <span
                  aria-hidden="true"
                  className="w-24 shrink-0 text-xs font-medium text-slate-500 sm:hidden"
                >
                  {c.label}
                </span>
                <span className="min-w-0 break-words">{row.cells[c.key]}</span>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
