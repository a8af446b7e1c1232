"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { sendTestMessageAction } from "@/app/admin/settings/actions";
import { idleForm } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { CheckboxGroup } from "@/components/admin/CheckboxGroup";
import { SignInAgainLink } from "@/components/ui/SignInAgainLink";

/** 发送测试消息: an SMS or e-mail to a number or address typed here, through the provider in use. */
export function TestMessageForm({
  smsProvider,
  emailProvider,
}: {
  smsProvider: string;
  emailProvider: string;
}) {
  const t = useTranslations("admin.messages.test");
  const [state, action, pending] = useActionState(sendTestMessageAction, idleForm);
  const [channel, setChannel] = useState(state.values?.channel ?? "sms");
  return (
    <form
      action={action}
      className="space-y-4"
      aria-labelledby="test-message-title"
      noValidate
      onChange={(e) => {
        const target: EventTarget = e.target;
        if (target instanceof HTMLInputElement && target.name === "channel") setChannel(target.value);
      }}
    >
      <div>
        <h2 id="test-message-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("description")}</p>
      </div>
      {state.status === "error" && state.error ? (
        <Alert tone="error" id="test-message-result">
          {state.error}
          <SignInAgainLink signIn={state.signIn} then />
        </Alert>
      ) : null}
      {state.status === "success" ? (
        <Alert tone="success" id="test-message-result">
          {state.data === "stored"
            ? t("stored", { to: state.values?.to ?? "" })
            : t("sent", { to: state.values?.to ?? "" })}
        </Alert>
      ) : null}
      <CheckboxGroup
        id="test-channel"
        name="channel"
        type="radio"
        columns={2}
        legend={t("channel")}
        checked={[channel]}
        error={state.fieldErrors?.channel}
        options={[
          { value: "sms", label: t("sms"), hint: t("via", { name: smsProvider }) },
          { value: "email", label: t("email"), hint: t("via", { name: emailProvider }) },
        ]}
      />
      <TextField
        key={channel}
        id="test-to"
        name="to"
        type={channel === "email" ? "email" : "tel"}
        inputMode={channel === "email" ? "email" : "tel"}
        autoComplete="off"
        label={channel === "email" ? t("toEmail") : t("toPhone")}
        hint={t("limit")}
        defaultValue={state.values?.channel === channel ? (state.values?.to ?? "") : ""}
        error={state.fieldErrors?.to}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("sending") : t("send")}
      </Button>
    </form>
  );
}
