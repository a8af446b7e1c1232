import { useTranslations } from "next-intl";
import { formatDateTime } from "@/lib/i18n/format";
import type { DueState } from "@/lib/identity-cases/working-days";
import { cn } from "@/components/ui/cn";

const STYLES: Record<DueState, string> = {
  onTime: "text-slate-700",
  dueSoon: "font-semibold text-amber-800",
  overdue: "font-bold text-red-700",
};

/** The 3-working-day deadline: red when overdue, amber on its last day (with words, not colour alone). */
export function DueBadge({ dueAt, due }: { dueAt: Date; due: DueState }) {
  const t = useTranslations("support.due");
  return (
    <span className={cn("inline-flex flex-col", STYLES[due])} data-due={due}>
      <span>{formatDateTime(dueAt)}</span>
      <span className={cn("text-xs", due === "overdue" && "uppercase")}>{t(due)}</span>
    </span>
  );
}
