import type { ReactNode } from "react";
import { cn } from "./cn";

type Tone = "info" | "success" | "warning" | "error";
const tones: Record<Tone, string> = {
  info: "bg-brand-50 text-brand-900 ring-brand-200",
  success: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  warning: "bg-amber-50 text-amber-900 ring-amber-200",
  error: "bg-red-50 text-red-900 ring-red-200",
};

/** Status message; errors and successes are announced to screen readers. */
export function Alert({
  tone = "info",
  title,
  children,
  className,
  id,
}: {
  tone?: Tone;
  title?: string;
  children?: ReactNode;
  className?: string;
  id?: string;
}) {
  const role = tone === "error" ? "alert" : tone === "success" ? "status" : undefined;
  return (
    <div
      id={id}
      role={role}
      className={cn("rounded-lg px-4 py-3 text-sm ring-1 ring-inset", tones[tone], className)}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : undefined}>{children}</div> : null}
    </div>
  );
}
