"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { recoverUsernameAction } from "@/app/recover/username/actions";
import type { RecoverUsernameData } from "@/lib/accounts/form-states";
import type { FormState } from "@/lib/core/form-state";
import type { Captcha } from "@/lib/security/captcha";
import { formatDateTime } from "@/lib/i18n/format";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Button, LinkButton } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { TextField } from "@/components/ui/Field";
import { CaptchaField } from "@/components/auth/CaptchaField";

const link = "font-semibold text-brand-700 underline underline-offset-4";

/** 找回用户名 (SPEC §2.3): the usernames bound to an identity, masked; re-registering when none. */
export function RecoverUsernameForm({ initialCaptcha }: { initialCaptcha: Captcha }) {
  const t = useTranslations("recover");
  const [state, action, pending] = useActionState<FormState<RecoverUsernameData>, FormData>(
    recoverUsernameAction,
    {
      status: "idle",
      data: { captcha: initialCaptcha },
    },
  );
  const captcha = state.data?.captcha ?? initialCaptcha;
  const found = state.data?.found;

  return (
    <Card className="mx-auto max-w-xl">
      <h1 className="text-2xl font-bold tracking-tight">{t("username.title")}</h1>
      <p className="mt-1.5 text-sm text-slate-600">{t("username.subtitle")}</p>

      {found ? (
        <div className="mt-6 space-y-4" role="status">
          <p className="text-sm font-medium text-ink">{t("username.found")}</p>
          <ul className="space-y-3">
            {found.map((a, i) => (
              <li key={i} className="rounded-lg p-4 ring-1 ring-slate-200">
                <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
                  <dt className="text-slate-600">{t("username.phone")}</dt>
                  <dd className="font-mono text-base font-semibold tracking-wide" data-testid="found-phone">
                    {a.phone}
                  </dd>
                  {a.email ? (
                    <>
                      <dt className="text-slate-600">{t("username.email")}</dt>
                      <dd className="font-mono">{a.email}</dd>
                    </>
                  ) : null}
                  <dt className="text-slate-600">{t("username.status")}</dt>
                  <dd>
                    <Badge tone={a.identityStatus === "verified" ? "success" : "warning"}>
                      {a.identityStatus === "verified"
                        ? t("username.statusVerified")
                        : t("username.statusPending")}
                    </Badge>
                  </dd>
                  <dt className="text-slate-600">{t("username.registeredOn")}</dt>
                  <dd>{formatDateTime(a.createdAt)}</dd>
                </dl>
              </li>
            ))}
          </ul>
          <div className="flex flex-col gap-2 sm:flex-row">
            <LinkButton href="/login">{t("username.toLogin")}</LinkButton>
            <LinkButton href="/recover/password" variant="secondary">
              {t("username.toPassword")}
            </LinkButton>
          </div>
        </div>
      ) : (
        <form action={action} noValidate className="mt-6 space-y-4">
          {state.status === "error" && state.error ? (
            <Alert tone="error">
              <p>{state.error}</p>
              {state.data?.noMatch ? (
                <p className="mt-2">
                  <Link href="/register" className={link}>
                    {t("username.reRegisterLink")}
                  </Link>
                </p>
              ) : null}
              {state.data?.refused ? <p className="mt-2">{t("tooFrequentHelp")}</p> : null}
            </Alert>
          ) : null}
          <TextField
            id="idNumber"
            label={t("username.idNumber")}
            autoComplete="off"
            autoCapitalize="characters"
            maxLength={40}
            defaultValue={state.values?.idNumber ?? ""}
            error={state.fieldErrors?.idNumber}
            required
          />
          <TextField
            id="name"
            label={t("username.name")}
            hint={t("username.nameHint")}
            autoComplete="name"
            maxLength={60}
            defaultValue={state.values?.name ?? ""}
            error={state.fieldErrors?.name}
            required
          />
          <CaptchaField
            key={captcha.id}
            id={captcha.id}
            image={captcha.image}
            error={state.fieldErrors?.captcha}
          />
          <Button type="submit" disabled={pending} className="w-full">
            {t("username.submit")}
          </Button>
          <p className="text-center text-sm">
            <Link href="/recover/password" className={link}>
              {t("username.toPassword")}
            </Link>
          </p>
        </form>
      )}
    </Card>
  );
}
