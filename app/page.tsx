import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { openCampaigns } from "@/lib/campaigns/open";
import { formatDate } from "@/lib/i18n/format";
import { Card } from "@/components/ui/Card";
import { LinkButton } from "@/components/ui/Button";
import { Alert } from "@/components/ui/Alert";
import { metaDescription } from "@/lib/i18n/metadata";
import { helpHref } from "@/lib/help/topics";

export async function generateMetadata() {
  return { description: await metaDescription("home") };
}

export default async function HomePage() {
  const t = await getTranslations("home");
  const campaigns = await openCampaigns();
  const steps = ["one", "two", "three"] as const;
  return (
    <div className="space-y-8">
      <section className="overflow-hidden rounded-2xl bg-gradient-to-br from-brand-800 to-brand-600 px-5 py-8 text-white shadow-md sm:px-10 sm:py-12">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
        <p className="mt-3 max-w-2xl text-base leading-relaxed text-brand-50 sm:text-lg">{t("lead")}</p>
        <div className="mt-6 flex flex-col gap-3 sm:flex-row">
          <LinkButton href="/login" variant="secondary" className="sm:w-auto">
            {t("start")}
          </LinkButton>
          <LinkButton
            href="/register"
            variant="ghost"
            className="text-white ring-1 ring-white/50 hover:bg-white/10"
          >
            {t("register")}
          </LinkButton>
        </div>
      </section>

      {campaigns.length > 0 ? (
        campaigns.map((c) => (
          <Alert key={c.id} tone="info">
            {t("campaign", { name: c.name, start: formatDate(c.startsAt), end: formatDate(c.endsAt) })}
          </Alert>
        ))
      ) : (
        <Alert tone="warning">{t("noCampaign")}</Alert>
      )}

      <div className="grid gap-6 md:grid-cols-3">
        <Card className="md:col-span-2">
          <h2 className="text-lg font-semibold">{t("steps.title")}</h2>
          <ol className="mt-4 space-y-4">
            {steps.map((step, i) => (
              <li key={step} className="flex gap-3">
                <span
                  aria-hidden="true"
                  className="grid size-8 shrink-0 place-items-center rounded-full bg-brand-100 font-bold text-brand-800"
                >
                  {i + 1}
                </span>
                <p className="pt-1 text-sm leading-relaxed text-slate-700">{t(`steps.${step}`)}</p>
              </li>
            ))}
          </ol>
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">{t("trouble")}</h2>
          <ul className="mt-3 space-y-2 text-sm">
            <li>
              <Link
                className="font-medium text-brand-700 underline-offset-4 hover:underline"
                href="/recover/username"
              >
                {t("troubleItems.username")}
              </Link>
            </li>
            <li>
              <Link
                className="font-medium text-brand-700 underline-offset-4 hover:underline"
                href="/recover/password"
              >
                {t("troubleItems.password")}
              </Link>
            </li>
            <li>
              <Link
                className="font-medium text-brand-700 underline-offset-4 hover:underline"
                href={helpHref("id-taken")}
              >
                {t("troubleItems.duplicate")}
              </Link>
            </li>
          </ul>
          <p className="mt-6 border-t border-slate-200 pt-4 text-sm">
            <Link
              className="text-slate-600 underline underline-offset-4 hover:text-brand-700"
              href="/staff/login"
            >
              {t("staff")}
            </Link>
          </p>
        </Card>
      </div>
    </div>
  );
}
