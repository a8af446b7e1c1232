"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/core/form-state";
import type { BindingData, BindingRequestAction } from "@/lib/records/form-states";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";

/** 尝试绑定学籍: 学号 + 姓名 + 证件号码; works without JavaScript. */
export function BindingForm({ bind }: { bind: BindingRequestAction }) {
  const t = useTranslations("record.binding");
  const [state, action, pending] = useActionState<FormState<BindingData>, FormData>(bind, { status: "idle" });
  const v = state.values ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormAlert state={state} />
      {state.status === "success" && state.data ? (
        <Alert tone="success">{t(state.data.outcome === "linked" ? "linked" : "pending")}</Alert>
      ) : null}
      <TextField
        id="studentNumber"
        label={t("studentNumber")}
        inputMode="text"
        autoComplete="off"
        defaultValue={v.studentNumber ?? ""}
        error={state.fieldErrors?.studentNumber}
        required
      />
      <TextField
        id="name"
        label={t("name")}
        hint={t("nameHint")}
        autoComplete="name"
        defaultValue={v.name ?? ""}
        error={state.fieldErrors?.name}
        required
      />
      <TextField
        id="idNumber"
        label={t("idNumber")}
        hint={t("idNumberHint")}
        autoComplete="off"
        defaultValue={v.idNumber ?? ""}
        error={state.fieldErrors?.idNumber}
        required
      />
      <Button type="submit" className="w-full sm:w-auto" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
