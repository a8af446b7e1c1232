import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "./cn";

/**
 * The one table of the product (styles: .table-scroll / .data-table in app/globals.css).
 *
 * - Wide tables scroll sideways inside a frame with shadowed edges instead of squeezing columns; the frame
 *   is a named, focusable region (tabindex=0) so keyboard users can scroll it too.
 * - `stack`: below 640 px each row becomes a label/value card (for queues and short lists whose rows are
 *   read one at a time). Give each <Td> a `label` (the column name) for that layout.
 * - `framed`: draw the white rounded panel around the table (omit it inside a Card with no padding).
 * - `flush`: the table sits inside a padded Card, so the phone cards need no side padding of their own.
 * - `dense`: shorter rows (long lists), set once on the table rather than on every cell.
 * - `figures`: every data cell after a row's first is a right-aligned figure (progress tables: set once on
 *   the table instead of on a few thousand cells).
 */
export function DataTable({
  caption,
  captionVisible = false,
  stack = false,
  framed = false,
  flush = false,
  dense = false,
  figures = false,
  className,
  children,
  testId,
}: {
  caption: string;
  captionVisible?: boolean;
  stack?: boolean;
  framed?: boolean;
  flush?: boolean;
  dense?: boolean;
  figures?: boolean;
  className?: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className={cn("table-scroll", framed && "rounded-xl shadow-sm ring-1 ring-slate-200", className)}
    >
      <table
        className={cn(
          "data-table",
          stack && "data-table--stack",
          flush && "data-table--flush",
          dense && "data-table--dense",
          figures && "data-table--figures",
        )}
        data-testid={testId}
      >
        <caption
          className={captionVisible ? "px-4 pt-4 pb-2 text-left text-sm font-semibold text-ink" : "sr-only"}
        >
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

/** Column header cell (scope=col). */
export function Th({ children, ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  // no className key when there is none: an undefined prop still travels in the payload ("$undefined")
  return (
    <th scope="col" {...rest}>
      {children}
    </th>
  );
}

type CellExtras = {
  /** Column name shown before the value when a `stack` table is laid out as cards. */
  label?: ReactNode;
  /** Long free text: allow wrapping (with a sensible min width) instead of one line. */
  wrap?: boolean;
  /** Right-aligned tabular figures. */
  num?: boolean;
  /** Hide in the phone card layout when the cell has nothing to show. */
  hideWhenStacked?: boolean;
};

/** undefined rather than an empty class attribute (long lists have thousands of cells) */
function cellClass({ wrap, num, hideWhenStacked }: CellExtras, className?: string) {
  return (
    cn(wrap && "cell-wrap", num && "cell-num", hideWhenStacked && "cell-empty-stack", className) || undefined
  );
}

function CellBody({ label, children }: { label?: ReactNode; children: ReactNode }) {
  if (label === undefined) return <>{children}</>;
  return (
    <>
      <span aria-hidden="true" className="cell-label">
        {label}
      </span>
      <span className="min-w-0">{children}</span>
    </>
  );
}

/** Data cell. */
export function Td({
  label,
  wrap,
  num,
  hideWhenStacked,
  className,
  children,
  ...rest
}: TdHTMLAttributes<HTMLTableCellElement> & CellExtras) {
  return (
    <td className={cellClass({ wrap, num, hideWhenStacked }, className)} {...rest}>
      <CellBody label={label}>{children}</CellBody>
    </td>
  );
}

/** Row header cell (scope=row): the name a row is known by. */
export function RowTh({
  label,
  wrap,
  num,
  className,
  children,
  ...rest
}: ThHTMLAttributes<HTMLTableCellElement> & CellExtras) {
  return (
    <th scope="row" className={cellClass({ wrap, num }, className)} {...rest}>
      <CellBody label={label}>{children}</CellBody>
    </th>
  );
}

export type Column = { key: string; label: string; className?: string };

/** A DataTable from column definitions and rows of cells; stacks into labelled cards on a phone. */
export function StackedTable({
  caption,
  columns,
  rows,
  flush = true,
}: {
  caption: string;
  columns: Column[];
  rows: { id: string; cells: Record<string, ReactNode> }[];
  flush?: boolean;
}) {
  return (
    <DataTable caption={caption} stack flush={flush}>
      <thead>
        <tr>
          {columns.map((c) => (
            <Th key={c.key} className={c.className}>
              {c.label}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            {columns.map((c) => (
              <Td key={c.key} label={c.label} className={c.className}>
                {row.cells[c.key]}
              </Td>
            ))}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
