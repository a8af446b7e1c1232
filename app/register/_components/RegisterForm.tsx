"use client";

import Link from "next/link";
import { startTransition, useActionState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { registerForm } from "@/app/register/actions";
import type { RegisterData } from "@/lib/accounts/form-states";
import type { FormState } from "@/lib/core/form-state";
import { ID_TYPES } from "@/lib/identity/id-number";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { SelectField, TextField } from "@/components/ui/Field";
import { SecurityQuestionFields } from "@/components/account/SecurityQuestionFields";
import { CheckboxField } from "@/components/auth/CheckboxField";
import { DefaultSubmit } from "@/components/auth/DefaultSubmit";
import { PasswordFields } from "@/components/auth/PasswordFields";
import { PrivacyNotice } from "@/components/auth/PrivacyNotice";
import { SmsCodeField } from "@/components/auth/SmsCodeField";
import { PhoneTakenHelp, IdTakenHelp } from "@/components/auth/RegisterConflicts";
import type { RegistrarContact } from "@/lib/settings";
import { PendingRegistered } from "@/components/auth/PendingRegistered";

const idle = { status: "idle" } as const;

/** 实名注册 form (SPEC §2.1): every field with its SPEC label, errors at their field, typed values kept. */
export function RegisterForm({ contact }: { contact: RegistrarContact }) {
  const t = useTranslations("register");
  const [state, action, submitting] = useActionState<FormState<RegisterData>, FormData>(registerForm, idle);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};

  if (state.status === "success" && state.data?.pending) return <PendingRegistered />;

  // With JavaScript the form is sent in a transition instead of React's form action, which would empty
  // every field afterwards: a refused registration ("证件号码已被注册") keeps everything typed, passwords too.
  // Without JavaScript the browser posts the form and the action echoes the values back (not passwords).
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter instanceof HTMLElement ? submitter : null);
    startTransition(() => action(data));
  };

  const conflict = state.data?.conflict;
  const nameSuggestion = state.data?.nameSuggestion;
  // A refused 免费获取 speaks at its field; the summary is for a refused registration.
  const showSummary = state.status === "error" && !state.data?.codeRequest;

  return (
    <Card className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
      <p className="mt-1.5 text-sm text-slate-600">{t("subtitle")}</p>
      <form action={action} onSubmit={submit} noValidate className="mt-6 space-y-8">
        <DefaultSubmit />
        {showSummary ? <Alert tone="error">{state.error ?? t("errorSummary")}</Alert> : null}

        <fieldset className="space-y-4">
          <legend className="mb-3 text-base font-semibold text-brand-900">{t("sections.account")}</legend>
          <div>
            <TextField
              id="phone"
              type="tel"
              inputMode="numeric"
              autoComplete="tel-national"
              label={t("phone.label")}
              hint={errors.phone ? undefined : t("phone.hint")}
              maxLength={20}
              defaultValue={values.phone ?? ""}
              error={errors.phone}
              required
            />
            {conflict === "phone" ? <PhoneTakenHelp contact={contact} /> : null}
          </div>
          <SmsCodeField
            label={t("code.label")}
            error={errors.code}
            notice={state.data?.codeMessage}
            defaultValue={values.code ?? ""}
            sendAction={action}
            resendAt={state.data?.resendAt}
            intent="sendCode"
          />
          <PasswordFields
            errors={errors}
            label={t("password.label")}
            confirmLabel={t("password.confirmLabel")}
          />
        </fieldset>

        <fieldset className="space-y-4">
          <legend className="mb-3 text-base font-semibold text-brand-900">{t("sections.identity")}</legend>
          <div className="space-y-2">
            <TextField
              id="name"
              label={t("name.label")}
              hint={t("name.hint")}
              autoComplete="name"
              maxLength={60}
              defaultValue={values.name ?? ""}
              error={errors.name}
              required
            />
            {nameSuggestion || values.keepTraditionalName ? (
              <CheckboxField
                id="keepTraditionalName"
                label={t("name.keepLabel")}
                defaultChecked={values.keepTraditionalName === "on"}
              />
            ) : null}
          </div>
          <SelectField
            id="idType"
            label={t("idType.label")}
            hint={t("idType.hint")}
            defaultValue={values.idType ?? "resident_id"}
            error={errors.idType}
            required
          >
            {ID_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`idType.options.${type}`)}
              </option>
            ))}
          </SelectField>
          <div>
            <TextField
              id="idNumber"
              label={t("idNumber.label")}
              hint={t("idNumber.hint")}
              autoComplete="off"
              autoCapitalize="characters"
              maxLength={40}
              defaultValue={values.idNumber ?? ""}
              error={errors.idNumber}
              required
            />
            {conflict === "idNumber" || values.reRegister ? (
              <IdTakenHelp checked={values.reRegister === "on"} />
            ) : null}
          </div>
        </fieldset>

        <fieldset className="space-y-4">
          <legend className="mb-1 text-base font-semibold text-brand-900">{t("sections.recovery")}</legend>
          <p className="text-sm text-slate-600">{t("sections.recoveryHint")}</p>
          <TextField
            id="email"
            type="email"
            inputMode="email"
            autoComplete="email"
            label={t("email.label")}
            hint={t("email.hint")}
            maxLength={254}
            defaultValue={values.email ?? ""}
            error={errors.email}
          />
          <SecurityQuestionFields values={values} errors={errors} />
        </fieldset>

        <fieldset className="space-y-4">
          <legend className="mb-3 text-base font-semibold text-brand-900">{t("sections.consent")}</legend>
          <PrivacyNotice />
          <CheckboxField
            id="sensitiveConsent"
            label={t("privacy.consentLabel")}
            describedBy="privacy-notice"
            defaultChecked={values.sensitiveConsent === "on"}
            error={errors.sensitiveConsent}
            required
          />
        </fieldset>

        <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
          <Button type="submit" disabled={submitting} className="w-full sm:w-auto sm:min-w-48">
            {submitting ? t("submitting") : t("submit")}
          </Button>
          <p className="text-sm text-slate-700">
            {t("haveAccount")}{" "}
            <Link href="/login" className="font-semibold text-brand-700 underline-offset-4 hover:underline">
              {t("login")}
            </Link>
          </p>
        </div>
      </form>
    </Card>
  );
}
