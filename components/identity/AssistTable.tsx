import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/i18n/format";
import type { IdentityOverview } from "@/lib/identity-cases/overview";
import { Badge } from "@/components/ui/Badge";
import { StackedTable } from "@/components/ui/Table";

const TONES = { pending: "warning", accepted: "success", declined: "danger", expired: "neutral" } as const;

/** The requests this student sent, with their state (expired once 7 days have passed). */
export async function AssistTable({ assists }: { assists: IdentityOverview["assists"] }) {
  const t = await getTranslations("identity.assist");
  if (assists.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  const columns = [
    { key: "classmate", label: t("columns.classmate") },
    { key: "createdAt", label: t("columns.createdAt") },
    { key: "expiresAt", label: t("columns.expiresAt") },
    { key: "status", label: t("columns.status") },
  ];
  const rows = assists.map((a) => ({
    id: a.id,
    cells: {
      classmate: a.classmateName,
      createdAt: formatDateTime(a.createdAt),
      expiresAt: formatDateTime(a.expiresAt),
      status: <Badge tone={TONES[a.status]}>{t(`status.${a.status}`)}</Badge>,
    },
  }));
  return <StackedTable caption={t("tableTitle")} columns={columns} rows={rows} />;
}
