import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/Badge";

const TONES = { pending: "warning", approved: "success", rejected: "danger", cancelled: "neutral" } as const;

/** 日志状态: 待审核 / 审核失败 / 审核通过 (and 已关闭 for a case made moot by another way). */
export function CaseStatusBadge({ status }: { status: string }) {
  const t = useTranslations("identity.status");
  const tone = TONES[status as keyof typeof TONES] ?? "neutral";
  return <Badge tone={tone}>{t.has(status) ? t(status) : status}</Badge>;
}
