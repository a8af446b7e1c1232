import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { formatDate } from "@/lib/i18n/format";

type Overview = {
  name: string;
  idType: string;
  idMasked: string;
  identityStatus: string;
  phone: string;
  createdAt: Date;
};

/** Name and ID number are shown, masked, and cannot be edited here (changes go through support). */
export async function AccountInfo({ overview }: { overview: Overview }) {
  const t = await getTranslations("account.info");
  const tr = await getTranslations("register.idType.options");
  const idType = tr.has(overview.idType) ? tr(overview.idType as "resident_id") : overview.idType;
  return (
    <Card aria-labelledby="info-title">
      <h2 id="info-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-slate-600">{t("name")}</dt>
        <dd className="font-medium">{overview.name}</dd>
        <dt className="text-slate-600">{t("id")}</dt>
        <dd>
          {idType} <span className="font-mono">{overview.idMasked}</span>
        </dd>
        <dt className="text-slate-600">{t("status")}</dt>
        <dd>
          <Badge tone={overview.identityStatus === "verified" ? "success" : "warning"}>
            {overview.identityStatus === "verified" ? t("verified") : t("pending")}
          </Badge>
        </dd>
        <dt className="text-slate-600">{t("registeredOn")}</dt>
        <dd>{formatDate(overview.createdAt)}</dd>
      </dl>
      <p className="mt-3 text-xs text-slate-600">{t("changeNote")}</p>
    </Card>
  );
}
