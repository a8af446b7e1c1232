"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createUnitAction } from "@/app/registrar/organisation/actions";
import { idleForm } from "@/lib/core/form-state";
import { Button } from "@/components/ui/Button";
import { SelectField, TextField } from "@/components/ui/Field";
import { SignInAgainLink } from "@/components/ui/SignInAgainLink";

/** 新建分院 / 专业 / 班级: the name (and a college's code, a class's major) with the error at the field. */
export function CreateUnitForm({
  kind,
  collegeId,
  majors = [],
  idPrefix,
}: {
  kind: "college" | "major" | "classGroup";
  collegeId?: string;
  majors?: { id: string; name: string }[];
  idPrefix: string;
}) {
  const t = useTranslations("registrar.organisation");
  const [state, action, pending] = useActionState(createUnitAction, idleForm);
  const v = state.status === "error" ? state.values : undefined;
  return (
    <form
      action={action}
      className="flex flex-wrap items-end gap-3"
      noValidate
      data-testid={`${idPrefix}-form`}
    >
      <input type="hidden" name="kind" value={kind} />
      {collegeId ? <input type="hidden" name="collegeId" value={collegeId} /> : null}
      <TextField
        id={`${idPrefix}-name`}
        name="name"
        label={t(`create.${kind}Name`)}
        defaultValue={v?.name ?? ""}
        error={state.fieldErrors?.name}
        className="w-full sm:w-64"
        required
      />
      {kind === "college" ? (
        <TextField
          id={`${idPrefix}-code`}
          name="code"
          label={t("create.code")}
          hint={t("create.codeHint")}
          defaultValue={v?.code ?? ""}
          error={state.fieldErrors?.code}
          className="w-full sm:w-40"
        />
      ) : null}
      {kind === "classGroup" ? (
        <SelectField
          id={`${idPrefix}-major`}
          name="majorId"
          label={t("major")}
          defaultValue={v?.majorId ?? ""}
          error={state.fieldErrors?.majorId}
          className="w-full sm:w-56"
          required
        >
          <option value="">{t("create.chooseMajor")}</option>
          {majors.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {t(`create.${kind}`)}
      </Button>
      {state.status === "error" && state.error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {state.error}
          <SignInAgainLink signIn={state.signIn} then />
        </p>
      ) : null}
      {state.status === "success" ? (
        <p role="status" className="w-full text-sm text-emerald-800">
          {t("create.done")}
        </p>
      ) : null}
    </form>
  );
}
