import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/Badge";

const TONE: Record<string, "neutral" | "brand" | "success" | "warning" | "danger"> = {
  submitted: "warning",
  college_confirmed: "brand",
  provincial_pending: "brand",
  approved: "success",
  provincial_approved: "success",
  college_rejected: "danger",
  rejected: "danger",
  provincial_rejected: "danger",
  withdrawn: "neutral",
};

export async function StatusBadge({ status }: { status: string }) {
  const t = await getTranslations("corrections.status");
  return <Badge tone={TONE[status] ?? "neutral"}>{t.has(status) ? t(status) : status}</Badge>;
}
