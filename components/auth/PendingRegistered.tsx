"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/Alert";
import { LinkButton } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";

/** After 我要重新注册: the account exists but is pending; this says what to do next. */
export function PendingRegistered() {
  const t = useTranslations("register.pending");
  return (
    <Card className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <Alert tone="warning" className="mt-4">
        {t("body")}
      </Alert>
      <p className="mt-4 text-sm leading-relaxed text-slate-700">{t("ways")}</p>
      <LinkButton href="/identity" className="mt-6 w-full sm:w-auto">
        {t("cta")}
      </LinkButton>
    </Card>
  );
}
