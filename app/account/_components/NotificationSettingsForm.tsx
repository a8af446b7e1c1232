"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { notificationSettingsAction } from "@/app/account/actions";
import type { AccountFormState } from "@/lib/accounts/form-states";
import { Button } from "@/components/ui/Button";
import { CheckboxField } from "@/components/auth/CheckboxField";
import { FormFeedback } from "@/components/account/FormFeedback";

/** 消息推送 settings. */
export function NotificationSettingsForm({ sms, email }: { sms: boolean; email: boolean }) {
  const t = useTranslations("account.notifications");
  const [state, action, pending] = useActionState<AccountFormState, FormData>(notificationSettingsAction, {
    status: "idle",
  });
  return (
    <form action={action} className="space-y-3" aria-label={t("title")}>
      <FormFeedback state={state} />
      <CheckboxField id="notifyBySms" label={t("sms")} defaultChecked={sms} />
      <CheckboxField id="notifyByEmail" label={t("email")} defaultChecked={email} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
