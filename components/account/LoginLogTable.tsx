import { getTranslations } from "next-intl/server";
import { describeUserAgent } from "@/lib/accounts/user-agent";
import { formatDateTime } from "@/lib/i18n/format";
import { Badge } from "@/components/ui/Badge";

type Event = { id: string; createdAt: Date; ip: string | null; userAgent: string | null; outcome: string };

/** 登录日志: a table on desktop, stacked rows on a phone. */
export async function LoginLogTable({ events }: { events: Event[] }) {
  const t = await getTranslations("account.log");
  if (events.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  const outcome = (o: string) => (t.has(`outcomes.${o}`) ? t(`outcomes.${o}` as "outcomes.success") : o);
  return (
    <div className="-mx-5 overflow-x-auto sm:mx-0">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("title")}</caption>
        <thead className="hidden border-b border-slate-200 text-xs text-slate-600 sm:table-header-group">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t("time")}
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t("ip")}
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t("device")}
            </th>
            <th scope="col" className="py-2 font-medium">
              {t("result")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((e) => (
            <tr key={e.id} className="grid grid-cols-2 gap-x-3 px-5 py-2.5 sm:table-row sm:px-0">
              <td className="order-1 tabular-nums sm:py-2 sm:pr-4">{formatDateTime(e.createdAt)}</td>
              <td className="order-3 font-mono text-xs text-slate-600 sm:py-2 sm:pr-4 sm:text-sm">
                {e.ip ?? "—"}
              </td>
              <td className="order-4 text-right text-slate-600 sm:py-2 sm:pr-4 sm:text-left">
                {describeUserAgent(e.userAgent)}
              </td>
              <td className="order-2 text-right sm:py-2 sm:text-left">
                <Badge tone={e.outcome === "success" ? "success" : "danger"}>{outcome(e.outcome)}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
