"use client";

import { RowTh, Td } from "@/components/ui/Table";

/** One unit's row: name, link (or null), college (or null when the table has no college column), figures. */
export type ProgressRow = [name: string, href: string | null, college: string | null, ...figures: string[]];

/**
 * The body of a progress table, rendered from compact rows: as server markup each row's cells travelled a
 * second time in the page's payload as an element tree (a class breakdown has a few hundred rows), while
 * these arrays are a fraction of that. The markup is the same.
 */
export function ProgressRows({ rows, showCollege }: { rows: ProgressRow[]; showCollege: boolean }) {
  return (
    <tbody>
      {rows.map(([name, href, college, ...figures], i) => (
        <tr key={i}>
          {showCollege ? <Td className="text-slate-600">{college}</Td> : null}
          <RowTh>
            {href ? (
              <a className="text-brand-700 underline-offset-2 hover:underline" href={href}>
                {name}
              </a>
            ) : (
              name
            )}
          </RowTh>
          {figures.map((v, j) => (
            <Td key={j} num>
              {v}
            </Td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}
