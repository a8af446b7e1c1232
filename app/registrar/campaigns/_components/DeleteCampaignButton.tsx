"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { deleteCampaignAction } from "../actions";
import { idleForm } from "@/lib/core/form-state";
import { SignInAgainLink } from "@/components/ui/SignInAgainLink";

export function DeleteCampaignButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("registrar.campaigns");
  const [state, action, pending] = useActionState(deleteCampaignAction, idleForm);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`${t("delete")} ${name}`}
        title={t("deleteHint")}
        className="min-h-9 rounded px-2 text-sm font-medium text-red-700 hover:bg-red-50"
      >
        {t("delete")}
      </button>
      {state.status === "error" ? (
        <p role="alert" className="mt-1 max-w-xs text-xs text-red-700">
          {state.error}
          <SignInAgainLink signIn={state.signIn} then />
        </p>
      ) : null}
    </form>
  );
}
