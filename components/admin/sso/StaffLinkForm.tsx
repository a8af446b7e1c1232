"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { idleForm, type FormAction } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";
import { SelectField, TextField } from "@/components/ui/Field";

type Option = { id: string; name: string; staffClaim: string };

/** 添加关联: a provider and either the person's subject there or the value of the provider's link claim. */
export function StaffLinkForm({
  staffUserId,
  providers,
  action,
}: {
  staffUserId: string;
  providers: Option[];
  action: FormAction;
}) {
  const t = useTranslations("sso.links");
  const [state, formAction, pending] = useActionState(action, idleForm);
  const v = state.status === "error" ? state.values : undefined;
  const [providerId, setProviderId] = useState(v?.providerId ?? providers[0]?.id ?? "");
  const claim = providers.find((p) => p.id === providerId)?.staffClaim ?? "";
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label={t("add")}>
      <input type="hidden" name="staffUserId" value={staffUserId} />
      <FormAlert state={state} />
      {state.status === "success" ? <Alert tone="success">{t("added")}</Alert> : null}
      <SelectField
        id="link-provider"
        name="providerId"
        label={t("provider")}
        value={providerId}
        onChange={(e) => setProviderId(e.target.value)}
        error={state.fieldErrors?.providerId}
      >
        {providers.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <TextField
        id="link-subject"
        name="subject"
        label={t("subject")}
        hint={t("subjectHint")}
        defaultValue={v?.subject ?? ""}
        autoCapitalize="none"
        spellCheck={false}
        error={state.fieldErrors?.subject}
      />
      {claim ? (
        <TextField
          id="link-claim"
          name="claimValue"
          label={t("claimValue", { claim })}
          hint={t("claimHint", { claim })}
          defaultValue={v?.claimValue ?? ""}
          autoCapitalize="none"
          spellCheck={false}
          error={state.fieldErrors?.claimValue}
        />
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("add")}
      </Button>
    </form>
  );
}
