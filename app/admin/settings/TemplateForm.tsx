"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveTemplateAction } from "@/app/admin/settings/actions";
import { idleForm } from "@/lib/core/form-state";
import type { TemplateView } from "@/lib/messaging/template-admin";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { TextAreaField } from "@/components/ui/Field";

/**
 * One message template: its text in each language it is sent in, the placeholders it may use (required
 * ones marked), save and 恢复默认. A refused text stays in the field with the reason under it.
 */
export function TemplateForm({ template }: { template: TemplateView }) {
  const t = useTranslations("admin.messages");
  const [state, action, pending] = useActionState(saveTemplateAction, idleForm);
  const v = state.status === "error" ? state.values : undefined;
  const id = `template-${template.key}`;
  const placeholders = template.placeholders.length
    ? template.placeholders.map((p) => `{${p.name}}${p.required ? t("requiredMark") : ""}`).join("、")
    : t("noPlaceholders");
  return (
    <form action={action} className="space-y-3" aria-labelledby={`${id}-title`} noValidate data-testid={id}>
      <input type="hidden" name="key" value={template.key} />
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={`${id}-title`} className="font-semibold">
          {t(`templates.${template.key}`)}
        </h3>
        <Badge tone="neutral">{t(`channels.${template.channel}`)}</Badge>
        {template.customised ? <Badge tone="warning">{t("customised")}</Badge> : null}
      </div>
      <p className="text-xs text-slate-600" id={`${id}-placeholders`}>
        {t("placeholders", { names: placeholders })}
      </p>
      <FormAlert state={state} />
      {state.status === "success" ? (
        <Alert tone="success">{state.data === "reset" ? t("resetDone") : t("saved")}</Alert>
      ) : null}
      {template.langs.map((lang) => (
        <TextAreaField
          key={`${lang}-${template.texts[lang] ?? ""}`}
          id={`${id}-${lang}`}
          name={lang}
          label={t(`languages.${lang}`)}
          rows={template.channel === "email" ? 6 : 3}
          defaultValue={v?.[lang] ?? template.texts[lang] ?? ""}
          error={state.fieldErrors?.[lang]}
        />
      ))}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="intent" value="save" disabled={pending}>
          {t("save")}
        </Button>
        <Button type="submit" name="intent" value="reset" variant="secondary" disabled={pending}>
          {t("reset")}
        </Button>
      </div>
    </form>
  );
}
