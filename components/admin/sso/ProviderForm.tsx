"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { idleForm, type FormAction } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { CheckboxField } from "@/components/auth/CheckboxField";
import { CheckboxGroup } from "../CheckboxGroup";

export type ProviderValues = {
  id?: string;
  slug: string;
  nameZh: string;
  nameEn: string;
  issuer: string;
  clientId: string;
  audience: string;
  staffClaim: string;
  staffPasswordDisabled: boolean;
  enabled: boolean;
};

const EMPTY: ProviderValues = {
  slug: "",
  nameZh: "统一身份认证",
  nameEn: "Campus single sign-on",
  issuer: "",
  clientId: "",
  audience: "staff",
  staffClaim: "",
  staffPasswordDisabled: false,
  enabled: true,
};

/** Adding or editing an identity provider; the slug is fixed once the provider exists. */
export function ProviderForm({ provider, action }: { provider?: ProviderValues; action: FormAction }) {
  const t = useTranslations("sso.admin");
  const [state, formAction, pending] = useActionState(action, idleForm);
  const p = provider ?? EMPTY;
  const v = state.status === "error" ? state.values : undefined;
  const value = (k: keyof ProviderValues) => v?.[k] ?? String(p[k] ?? "");
  const checked = (k: "staffPasswordDisabled" | "enabled") => (v ? v[k] === "on" : p[k]);
  const e = state.fieldErrors ?? {};
  return (
    <form
      action={formAction}
      className="space-y-4"
      noValidate
      aria-label={provider ? t("editTitle") : t("newTitle")}
    >
      {provider?.id ? <input type="hidden" name="id" value={provider.id} /> : null}
      <FormAlert state={state} />
      {state.status === "success" ? <Alert tone="success">{t("saved")}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="slug"
          label={t("slug")}
          hint={t("slugHint")}
          defaultValue={value("slug")}
          readOnly={!!provider}
          required
          autoCapitalize="none"
          spellCheck={false}
          error={e.slug}
        />
        <TextField
          id="clientId"
          label={t("clientId")}
          defaultValue={value("clientId")}
          required
          error={e.clientId}
        />
        <TextField id="nameZh" label={t("nameZh")} defaultValue={value("nameZh")} required error={e.nameZh} />
        <TextField id="nameEn" label={t("nameEn")} defaultValue={value("nameEn")} required error={e.nameEn} />
        <TextField
          id="issuer"
          type="url"
          label={t("issuer")}
          hint={t("issuerHint", { path: "/.well-known/openid-configuration" })}
          placeholder="https://"
          defaultValue={value("issuer")}
          required
          className="sm:col-span-2"
          error={e.issuer}
        />
        <CheckboxGroup
          id="audience"
          name="audience"
          type="radio"
          columns={1}
          legend={t("audience")}
          error={e.audience}
          checked={[value("audience")]}
          options={(["staff", "students", "both"] as const).map((a) => ({
            value: a,
            label: t(`audiences.${a}`),
          }))}
        />
        <TextField
          id="staffClaim"
          label={t("staffClaim")}
          hint={t("staffClaimHint")}
          placeholder="employee_number"
          defaultValue={value("staffClaim")}
          autoCapitalize="none"
          spellCheck={false}
          error={e.staffClaim}
        />
      </div>
      <CheckboxField
        id="staffPasswordDisabled"
        label={t("staffPasswordDisabled")}
        defaultChecked={checked("staffPasswordDisabled")}
      />
      <CheckboxField id="enabled" label={t("enabled")} defaultChecked={checked("enabled")} />
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
