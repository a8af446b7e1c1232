"use client";

import { RowTh, Td } from "@/components/ui/Table";

/**
 * One unit's row: name, link (or null; what follows the table's `hrefPrefix`), college (or null when the
 * table has no college column), figures.
 */
export type ProgressRow = [name: string, href: string | null, college: string | null, ...figures: string[]];

/**
 * The body of a progress table, rendered from compact rows: as server markup each row's cells travelled a
 * second time in the page's payload as an element tree (a class breakdown has a few hundred rows), while
 * these arrays are a fraction of that. The markup is the same.
 */
export function ProgressRows({
  rows,
  showCollege,
  hrefPrefix = "",
}: {
  rows: ProgressRow[];
  showCollege: boolean;
  /** what every row's link starts with, sent once */
  hrefPrefix?: string;
}) {
  return (
    <tbody>
      {rows.map(([name, href, college, ...figures], i) => (
        <tr key={i}>
          {showCollege ? <Td className="text-slate-600">{college}</Td> : null}
          <RowTh>
            {href !== null ? (
              <a className="unit-link" href={hrefPrefix + href}>
                {name}
              </a>
            ) : (
              name
            )}
          </RowTh>
          {/* right-aligned by the table (DataTable `figures`) */}
          {figures.map((v, j) => (
            <td key={j}>{v}</td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}
