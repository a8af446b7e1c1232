"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveSettingsAction } from "@/app/admin/settings/actions";
import { idleForm } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";

type Provider = { name: string; issuer: string; clientId: string };

/**
 * External sign-in providers as rows (existing ones plus one empty row to add another). Clearing a row
 * removes it. Only public identifiers are kept here; client secrets stay in the environment.
 */
export function ExternalProvidersForm({ providers }: { providers: Provider[] }) {
  const t = useTranslations("admin.settings.external");
  const ts = useTranslations("admin.settings");
  const [state, action, pending] = useActionState(saveSettingsAction, idleForm);
  const v = state.status === "error" ? state.values : undefined;
  const rows = [...providers, { name: "", issuer: "", clientId: "" }].slice(0, 11);
  return (
    <form action={action} className="space-y-4" aria-labelledby="settings-external-heading" noValidate>
      <input type="hidden" name="section" value="external" />
      <div>
        <h2 id="settings-external-heading" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("description")}</p>
      </div>
      <Alert tone="info">{t("notice")}</Alert>
      {state.status === "error" ? (
        <Alert tone="error">{state.fieldErrors?.providers ?? state.error}</Alert>
      ) : null}
      {state.status === "success" ? <Alert tone="success">{ts("saved")}</Alert> : null}
      <div className="space-y-3">
        {rows.map((row, i) => (
          <fieldset
            key={i}
            className="grid gap-3 rounded-lg p-3 ring-1 ring-inset ring-slate-200 sm:grid-cols-3"
          >
            <legend className="px-1 text-xs font-semibold text-slate-600">
              {i < providers.length ? t("row", { n: i + 1 }) : t("newRow")}
            </legend>
            <TextField
              id={`providers.${i}.name`}
              label={t("name")}
              defaultValue={v?.[`providers.${i}.name`] ?? row.name}
            />
            <TextField
              id={`providers.${i}.issuer`}
              label={t("issuer")}
              placeholder="https://"
              defaultValue={v?.[`providers.${i}.issuer`] ?? row.issuer}
            />
            <TextField
              id={`providers.${i}.clientId`}
              label={t("clientId")}
              defaultValue={v?.[`providers.${i}.clientId`] ?? row.clientId}
            />
          </fieldset>
        ))}
      </div>
      <Button type="submit" disabled={pending}>
        {ts("save")}
      </Button>
    </form>
  );
}
