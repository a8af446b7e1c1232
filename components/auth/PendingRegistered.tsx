"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/Alert";
import { LinkButton } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";

/**
 * After 我要重新注册: the account exists but is pending. Says what works now (the pages a pending account
 * can open: identity check, inbox, account, help), what opens after verification, and how to get there.
 */
export function PendingRegistered() {
  const t = useTranslations("register.pending");
  return (
    <Card className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <Alert tone="warning" className="mt-4">
        {t("body")}
      </Alert>
      <h2 className="mt-5 text-sm font-semibold text-ink">{t("worksTitle")}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700" data-testid="pending-works">
        {(t.raw("works") as string[]).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2 className="mt-4 text-sm font-semibold text-ink">{t("laterTitle")}</h2>
      <p className="mt-1 text-sm text-slate-700">{t("later")}</p>
      <p className="mt-4 text-sm leading-relaxed text-slate-700">{t("ways")}</p>
      <LinkButton href="/identity" className="mt-6 w-full sm:w-auto">
        {t("cta")}
      </LinkButton>
    </Card>
  );
}
