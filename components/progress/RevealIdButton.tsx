"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { revealAction } from "@/app/college/actions";
import type { FormState } from "@/lib/core/form-state";

const idle: FormState<{ idNumber: string }> = { status: "idle" };

/** Masked number with a button that reveals the full one for this row only (the server logs it). */
export function RevealIdButton({
  recordId,
  masked,
  name,
}: {
  recordId: string;
  masked: string;
  name: string;
}) {
  const t = useTranslations("progress.reveal");
  const [state, action, pending] = useActionState(revealAction, idle);
  if (state.status === "success" && state.data) {
    return (
      <span className="font-mono text-xs" aria-live="polite">
        {state.data.idNumber}
      </span>
    );
  }
  return (
    <form action={action} className="flex flex-col items-start">
      <input type="hidden" name="recordId" value={recordId} />
      <span className="font-mono text-xs">{masked}</span>
      <button
        type="submit"
        disabled={pending}
        aria-label={t("label", { name })}
        title={t("logged")}
        className="min-h-8 rounded px-1.5 text-xs font-medium text-brand-700 underline underline-offset-2 hover:bg-brand-50"
      >
        {t("button")}
      </button>
      {state.status === "error" ? (
        <span role="alert" className="text-xs text-red-700">
          {state.error ?? t("failed")}
        </span>
      ) : null}
    </form>
  );
}
