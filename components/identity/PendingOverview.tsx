import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/format";
import type { IdentityOverview } from "@/lib/identity-cases/overview";
import { Alert } from "@/components/ui/Alert";
import { LinkButton } from "@/components/ui/Button";
import { Card, PageHeader } from "@/components/ui/Card";
import { CaseStatusBadge } from "./CaseStatusBadge";

const WAYS = [
  { key: "photos", href: "/identity/photos" },
  { key: "assist", href: "/identity/assist" },
  { key: "roster", href: "/identity/roster" },
] as const;

/**
 * The pending student's landing page: why the account is pending, what approval does to the other account
 * (注销), and the three ways out side by side, with where each stands.
 */
export async function PendingOverview({ overview }: { overview: IdentityOverview }) {
  const t = await getTranslations("identity.pending");
  const latest = overview.photoCases[0];
  const waitingAssists = overview.assists.filter((a) => a.status === "pending").length;
  return (
    <>
      <PageHeader title={t("title")} description={t("lead", { idMasked: overview.account.idMasked })} />
      <Alert tone="warning" title={t("warningTitle")} className="mb-6">
        <p>{t("warning")}</p>
        <p className="mt-2">{t("otherHolders", { count: overview.otherHolders })}</p>
        <p className="mt-2 flex flex-wrap gap-4">
          <Link className="font-semibold underline underline-offset-4" href="/recover/username">
            {t("recoverUsername")}
          </Link>
          <Link className="font-semibold underline underline-offset-4" href="/recover/password">
            {t("recoverPassword")}
          </Link>
        </p>
      </Alert>
      <h2 className="mb-3 text-lg font-semibold text-ink">{t("waysTitle")}</h2>
      <ol className="grid gap-4 md:grid-cols-3">
        {WAYS.map((way, i) => (
          <li key={way.key}>
            <Card as="article" className="flex h-full flex-col">
              <p className="flex items-center gap-2 text-xs font-semibold tracking-wide text-brand-700">
                <span
                  aria-hidden="true"
                  className="grid size-6 place-items-center rounded-full bg-brand-700 text-xs font-bold text-white"
                >
                  {i + 1}
                </span>
                {t(`ways.${way.key}.tag`)}
              </p>
              <h3 className="mt-2 text-base font-bold text-ink">{t(`ways.${way.key}.title`)}</h3>
              <p className="mt-2 flex-1 text-sm leading-relaxed text-slate-700">
                {t(`ways.${way.key}.body`)}
              </p>
              {way.key === "photos" ? (
                <p className="mt-3 rounded-md bg-brand-50 px-3 py-2 text-sm font-semibold text-brand-900">
                  {t("promise")}
                </p>
              ) : null}
              {way.key === "photos" && latest ? (
                <div className="mt-3 space-y-1 text-sm text-slate-700">
                  <p className="flex items-center gap-2">
                    {t("latestPhoto")}
                    <CaseStatusBadge status={latest.status} />
                  </p>
                  {latest.status === "pending" ? (
                    <p>{t("latestPhotoDue", { due: formatDate(latest.dueAt) })}</p>
                  ) : null}
                </div>
              ) : null}
              {way.key === "assist" && waitingAssists > 0 ? (
                <p className="mt-3 text-sm text-slate-700">
                  {t("pendingAssists", { count: waitingAssists })}
                </p>
              ) : null}
              <LinkButton href={way.href} variant={i === 0 ? "primary" : "secondary"} className="mt-4 w-full">
                {t(`ways.${way.key}.cta`)}
              </LinkButton>
            </Card>
          </li>
        ))}
      </ol>
    </>
  );
}
