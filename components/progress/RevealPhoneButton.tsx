"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { revealPhoneAction } from "@/app/college/actions";
import type { FormState } from "@/lib/core/form-state";

const idle: FormState<{ phone: string }> = { status: "idle" };

/** Masked phone number with a button that reveals it for this row only (rate-limited, the server logs it). */
export function RevealPhoneButton({
  recordId,
  masked,
  name,
}: {
  recordId: string;
  masked: string;
  name: string;
}) {
  const t = useTranslations("progress.phone");
  const [state, action, pending] = useActionState(revealPhoneAction, idle);
  if (state.status === "success" && state.data) {
    return (
      <a
        href={`tel:${state.data.phone}`}
        aria-label={t("call", { name, phone: state.data.phone })}
        aria-live="polite"
        className="font-mono text-xs text-brand-700 underline underline-offset-2"
      >
        {state.data.phone}
      </a>
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
