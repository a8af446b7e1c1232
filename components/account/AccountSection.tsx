import type { ReactNode } from "react";
import { Card } from "@/components/ui/Card";

/**
 * One titled block of /account, reachable by its anchor (#change-password, #phone …). The anchor must not
 * reuse the id of a form control inside (password, email): a duplicate id leaves that input unlabelled.
 */
export function AccountSection({
  id,
  title,
  lead,
  children,
}: {
  id: string;
  title: string;
  lead?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card aria-labelledby={`${id}-title`} className="scroll-mt-20">
      <div id={id}>
        <h2 id={`${id}-title`} className="text-lg font-semibold text-ink">
          {title}
        </h2>
        {lead ? <p className="mt-1 text-sm text-slate-600">{lead}</p> : null}
        <div className="mt-4">{children}</div>
      </div>
    </Card>
  );
}
