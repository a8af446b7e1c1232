import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** A white panel for a table: no inner padding so rows run edge to edge, scrolls sideways when narrow. */
export function TableCard({
  children,
  className,
  ...rest
}: {
  children: ReactNode;
  className?: string;
  "aria-labelledby"?: string;
}) {
  return (
    <section
      className={cn("overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200", className)}
      {...rest}
    >
      {children}
    </section>
  );
}
