import { getLocale, getTranslations } from "next-intl/server";
import { describeUserAgent } from "@/lib/accounts/user-agent";
import { formatDateTime } from "@/lib/i18n/format";
import { Badge } from "@/components/ui/Badge";
import { DataTable, Td, Th } from "@/components/ui/Table";

type Event = {
  id: string;
  createdAt: Date;
  ip: string | null;
  userAgent: string | null;
  outcome: string;
  method: string;
  signInProvider: { nameZh: string; nameEn: string } | null;
};

/** 登录日志: a table on desktop, one card per sign-in on a phone (components/ui/Table). */
export async function LoginLogTable({ events }: { events: Event[] }) {
  const t = await getTranslations("account.log");
  if (events.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  const tm = await getTranslations("sso.method");
  const english = (await getLocale()) === "en";
  const method = (e: Event) =>
    e.method === "oidc"
      ? ((english ? e.signInProvider?.nameEn : e.signInProvider?.nameZh) ?? "OpenID Connect")
      : tm("password");
  const outcome = (o: string) => (t.has(`outcomes.${o}`) ? t(`outcomes.${o}` as "outcomes.success") : o);
  return (
    <DataTable caption={t("title")} stack flush>
      <thead>
        <tr>
          <Th>{t("time")}</Th>
          <Th>{t("ip")}</Th>
          <Th>{t("device")}</Th>
          <Th>{t("method")}</Th>
          <Th>{t("result")}</Th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id}>
            <Td label={t("time")} className="tabular-nums">
              {formatDateTime(e.createdAt)}
            </Td>
            <Td label={t("ip")} className="font-mono text-xs text-slate-600 sm:text-sm">
              {e.ip ?? "—"}
            </Td>
            <Td label={t("device")} className="text-slate-600">
              {describeUserAgent(e.userAgent)}
            </Td>
            <Td label={t("method")}>{method(e)}</Td>
            <Td label={t("result")}>
              <Badge tone={e.outcome === "success" ? "success" : "danger"}>{outcome(e.outcome)}</Badge>
            </Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
