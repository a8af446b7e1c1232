"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { recoverPasswordAction } from "@/app/recover/password/actions";
import type { RecoverPasswordData } from "@/lib/accounts/form-states";
import type { FormState } from "@/lib/core/form-state";
import type { Captcha } from "@/lib/security/captcha";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { TextField } from "@/components/ui/Field";
import { CaptchaField } from "@/components/auth/CaptchaField";
import { DefaultSubmit } from "@/components/auth/DefaultSubmit";
import { PasswordFields } from "@/components/auth/PasswordFields";
import { ResetDone } from "./ResetByLinkForm";
import { SmsCodeField } from "@/components/auth/SmsCodeField";

const link = "font-semibold text-brand-700 underline underline-offset-4";

/**
 * 找回密码 (SPEC §2.4): 用户名 + 图片验证码 → the methods this account has (only those) → a new password.
 * Each step is one form posting to the same action with an `intent`, so it all works without JavaScript.
 */
export function RecoverPasswordFlow({
  initialCaptcha,
  username,
}: {
  initialCaptcha: Captcha;
  username?: string;
}) {
  const t = useTranslations("recover");
  const tr = useTranslations("register");
  const [state, action, pending] = useActionState<FormState<RecoverPasswordData>, FormData>(
    recoverPasswordAction,
    {
      status: "idle",
      data: { step: "start", captcha: initialCaptcha },
      values: username ? { username } : undefined,
    },
  );
  const data = state.data ?? { step: "start" as const };
  const ticket = data.ticket ? <input type="hidden" name="ticket" value={data.ticket} /> : null;
  const errorAlert =
    state.status === "error" && state.error ? (
      <Alert tone="error">
        <p>{state.error}</p>
        {data.reRegister ? (
          <p className="mt-2">
            <Link href="/register" className={link}>
              {t("username.reRegisterLink")}
            </Link>
          </p>
        ) : null}
        {data.refused ? <p className="mt-2">{t("tooFrequentHelp")}</p> : null}
      </Alert>
    ) : null;

  let body;
  switch (data.step) {
    case "done":
      body = <ResetDone />;
      break;
    case "emailSent":
      body = (
        <Alert tone="success" className="mt-6">
          {t("password.emailSent", { email: data.email ?? "" })}
        </Alert>
      );
      break;
    case "methods":
      body = (
        <form action={action} className="mt-6 space-y-4">
          {errorAlert}
          {ticket}
          <h2 className="text-lg font-semibold">{t("password.methodsTitle")}</h2>
          <p className="text-sm text-slate-600">{t("password.methodsLead")}</p>
          <div className="grid gap-3">
            {data.methods?.sms ? (
              <Button
                type="submit"
                name="intent"
                value="sms"
                variant="secondary"
                className="justify-start text-left"
              >
                {t("password.bySms", { phone: data.methods.sms })}
              </Button>
            ) : null}
            {data.methods?.email ? (
              <Button
                type="submit"
                name="intent"
                value="email"
                variant="secondary"
                className="justify-start text-left"
              >
                {t("password.byEmail", { email: data.methods.email })}
              </Button>
            ) : null}
            {data.methods?.questions ? (
              <Button
                type="submit"
                name="intent"
                value="questions"
                variant="secondary"
                className="justify-start text-left"
              >
                {t("password.byQuestions")}
              </Button>
            ) : null}
          </div>
          <p className="text-sm text-slate-600">
            {t("password.noneHelp")}{" "}
            <Link href="/register" className={link}>
              {t("username.reRegisterLink")}
            </Link>
          </p>
        </form>
      );
      break;
    case "sms":
      body = (
        <form action={action} noValidate className="mt-6 space-y-4">
          <DefaultSubmit />
          {errorAlert}
          {ticket}
          <input type="hidden" name="intent" value="resetSms" />
          <h2 className="text-lg font-semibold">{t("password.smsTitle")}</h2>
          <p className="text-sm text-slate-600">
            {t("password.smsLead", { phone: data.methods?.sms ?? "" })}
          </p>
          <SmsCodeField
            label={tr("code.label")}
            error={state.fieldErrors?.code}
            notice={data.notice}
            defaultValue={state.values?.code ?? ""}
            sendAction={action}
            resendAt={data.resendAt}
            intent="sms"
          />
          <PasswordFields errors={state.fieldErrors} />
          <div className="flex flex-col gap-3 sm:flex-row">
            <Button type="submit" name="intent" value="resetSms" disabled={pending}>
              {t("password.resetSubmit")}
            </Button>
            <Button type="submit" name="intent" value="back" variant="ghost" formNoValidate>
              {t("password.back")}
            </Button>
          </div>
        </form>
      );
      break;
    case "questions":
      body = (
        <form action={action} noValidate className="mt-6 space-y-4">
          <DefaultSubmit />
          {errorAlert}
          {ticket}
          <input type="hidden" name="intent" value="resetQuestions" />
          <h2 className="text-lg font-semibold">{t("password.questionsTitle")}</h2>
          <p className="text-sm text-slate-600">{t("password.questionsLead")}</p>
          <QuestionAnswers questions={data.methods?.questions ?? []} errors={state.fieldErrors} />
          <PasswordFields errors={state.fieldErrors} />
          <div className="flex flex-col gap-3 sm:flex-row">
            <Button type="submit" name="intent" value="resetQuestions" disabled={pending}>
              {t("password.resetSubmit")}
            </Button>
            <Button type="submit" name="intent" value="back" variant="ghost" formNoValidate>
              {t("password.back")}
            </Button>
          </div>
        </form>
      );
      break;
    default: {
      const captcha = data.captcha ?? initialCaptcha;
      body = (
        <form action={action} noValidate className="mt-6 space-y-4">
          {errorAlert}
          <input type="hidden" name="intent" value="start" />
          <TextField
            id="username"
            label={t("password.username")}
            hint={t("password.subtitle")}
            autoComplete="username"
            maxLength={254}
            defaultValue={state.values?.username ?? ""}
            error={state.fieldErrors?.username}
            required
          />
          <CaptchaField
            key={captcha.id}
            id={captcha.id}
            image={captcha.image}
            error={state.fieldErrors?.captcha}
          />
          <Button type="submit" disabled={pending} className="w-full">
            {t("password.submit")}
          </Button>
          <p className="text-center text-sm">
            <Link href="/recover/username" className={link}>
              {t("password.forgotUsername")}
            </Link>
          </p>
        </form>
      );
    }
  }

  return (
    <Card className="mx-auto max-w-xl">
      <h1 className="text-2xl font-bold tracking-tight">{t("password.title")}</h1>
      {body}
    </Card>
  );
}

function QuestionAnswers({ questions, errors }: { questions: string[]; errors?: Record<string, string> }) {
  const t = useTranslations("register");
  const tr = useTranslations("recover.password");
  return (
    <div className="space-y-4">
      {questions.map((key, i) => (
        <TextField
          key={key}
          id={`answer${i + 1}`}
          label={`${t(`securityQuestions.${key}`)}`}
          hint={i === questions.length - 1 ? t("securityQuestion.hint") : undefined}
          autoComplete="off"
          maxLength={50}
          error={errors?.[`answer${i + 1}`]}
          required
          placeholder={tr("answer")}
        />
      ))}
    </div>
  );
}
