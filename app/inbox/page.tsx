import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { getActor } from "@/lib/auth/current";
import { listNotifications } from "@/lib/messaging/inbox";
import { formatDateTime } from "@/lib/i18n/format";
import { Card, PageHeader } from "@/components/ui/Card";
import { Badge } from "@/components/ui/Badge";
import { markNotificationRead } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("inbox");
  return { title: t("title"), description: await metaDescription("inbox") };
}

export default async function InboxPage() {
  const actor = await getActor();
  if (!actor || actor.kind === "api") redirect("/login?next=/inbox");
  const t = await getTranslations("inbox");
  const recipient =
    actor.kind === "student" ? { accountId: actor.accountId } : { staffUserId: actor.staffUserId };
  const items = await listNotifications(recipient);
  return (
    <>
      <PageHeader title={t("title")} />
      <Card className="p-0 sm:p-0">
        {items.length === 0 ? (
          <p className="p-6 text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {items.map((n) => {
              const params = JSON.parse(n.params) as Record<string, string | number>;
              const shown = { ...params };
              if (typeof shown.until === "string") shown.until = formatDateTime(shown.until);
              const key = t.has(`kinds.${n.kind}`) ? `kinds.${n.kind}` : "kinds.generic";
              return (
                <li
                  key={n.id}
                  className="flex flex-col gap-2 p-4 sm:flex-row sm:items-start sm:justify-between sm:p-5"
                >
                  <div className="min-w-0">
                    <p className="text-sm leading-relaxed text-ink">
                      {!n.readAt ? (
                        <Badge tone="warning" className="mr-2">
                          {t("unread")}
                        </Badge>
                      ) : null}
                      {t(key, shown)}
                    </p>
                    <p className="mt-1 text-xs text-slate-600">{formatDateTime(n.createdAt)}</p>
                  </div>
                  <div className="flex shrink-0 gap-2">
                    {n.linkPath ? (
                      <Link
                        href={n.linkPath}
                        className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline"
                      >
                        {t("open")}
                      </Link>
                    ) : null}
                    {!n.readAt ? (
                      <form action={markNotificationRead}>
                        <input type="hidden" name="id" value={n.id} />
                        <button
                          type="submit"
                          className="text-sm font-medium text-slate-700 underline-offset-4 hover:underline"
                        >
                          {t("markRead")}
                        </button>
                      </form>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </>
  );
}
