"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { renameUnitAction } from "./actions";
import { idleForm } from "@/lib/core/form-state";

/** Inline rename of one 分院 / 专业 / 班级. */
export function RenameForm({
  kind,
  id,
  name,
}: {
  kind: "college" | "major" | "classGroup";
  id: string;
  name: string;
}) {
  const t = useTranslations("registrar.organisation");
  const [state, action, pending] = useActionState(renameUnitAction, idleForm);
  const inputId = useId();
  const errorId = `${inputId}-error`;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <label htmlFor={inputId} className="sr-only">
        {t("newName")}({name})
      </label>
      <input
        id={inputId}
        name="name"
        defaultValue={state.values?.name ?? name}
        aria-invalid={state.fieldErrors?.name ? true : undefined}
        aria-describedby={state.fieldErrors?.name ? errorId : undefined}
        className="min-h-9 w-56 rounded-md bg-white px-2 text-sm ring-1 ring-inset ring-slate-300"
      />
      <button
        type="submit"
        disabled={pending}
        className="min-h-9 rounded-md px-2 text-sm font-medium text-brand-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
      >
        {t("rename")}
      </button>
      {state.fieldErrors?.name || state.error ? (
        <span id={errorId} role="alert" className="text-xs text-red-700">
          {state.fieldErrors?.name ?? state.error}
        </span>
      ) : state.status === "success" ? (
        <span role="status" className="text-xs text-emerald-800">
          {t("renamed")}
        </span>
      ) : null}
    </form>
  );
}
