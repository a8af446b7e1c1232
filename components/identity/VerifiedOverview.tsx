import { getTranslations } from "next-intl/server";
import type { IdentityOverview } from "@/lib/identity-cases/overview";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { LinkButton } from "@/components/ui/Button";
import { Card, PageHeader } from "@/components/ui/Card";

/** A verified student's identity page: what the account holds (masked) and the way to ask for a change. */
export async function VerifiedOverview({
  overview,
  justResolved,
}: {
  overview: IdentityOverview;
  justResolved: boolean;
}) {
  const t = await getTranslations("identity.verified");
  const facts = [
    { label: t("name"), value: overview.account.name },
    { label: t("idNumber"), value: <span className="font-mono">{overview.account.idMasked}</span> },
    { label: t("phone"), value: overview.account.phoneMasked },
    { label: t("state"), value: <Badge tone="success">{t("stateVerified")}</Badge> },
  ];
  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />
      {justResolved ? (
        <Alert tone="success" className="mb-6">
          <p>{t("justResolved")}</p>
          <LinkButton href="/record" className="mt-3">
            {t("toRecord")}
          </LinkButton>
        </Alert>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <dl className="divide-y divide-slate-100">
            {facts.map((f) => (
              <div key={f.label} className="flex items-center justify-between gap-4 py-2.5 text-sm">
                <dt className="text-slate-600">{f.label}</dt>
                <dd className="text-right font-medium text-ink">{f.value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card>
          <h2 className="text-base font-semibold text-ink">{t("changeTitle")}</h2>
          <p className="mt-2 text-sm leading-relaxed text-slate-700">{t("changeBody")}</p>
          <LinkButton href="/identity/change" variant="secondary" className="mt-4">
            {t("changeCta")}
          </LinkButton>
        </Card>
      </div>
    </>
  );
}
