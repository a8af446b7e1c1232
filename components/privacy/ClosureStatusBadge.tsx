import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/Badge";
import type { ClosureStatus } from "@/lib/privacy/closure";

const TONE = { pending: "warning", approved: "success", rejected: "danger", withdrawn: "neutral" } as const;

export async function ClosureStatusBadge({ status }: { status: ClosureStatus }) {
  const t = await getTranslations("privacy.registrar.statuses");
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}
