"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { answerAssistAction } from "@/app/identity/actions";
import type { IdentityFormData } from "@/lib/identity-cases/form-states";
import type { FormState } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";

const idle: FormState<IdentityFormData> = { status: "idle" };

/** 是 / 否: two submit buttons of one form, so it works without JavaScript. */
export function AssistAnswerForm({ assistId, question }: { assistId: string; question: string }) {
  const t = useTranslations("identity.answer");
  const [state, action, pending] = useActionState(answerAssistAction, idle);
  if (state.status === "success" && state.data?.message)
    return <Alert tone="success">{state.data.message}</Alert>;
  return (
    <form action={action} className="space-y-4">
      <FormAlert state={state} />
      <input type="hidden" name="assistId" value={assistId} />
      <fieldset>
        <legend className="text-base font-semibold text-ink">{question}</legend>
        <div className="mt-4 flex gap-3">
          <Button
            type="submit"
            name="answer"
            value="yes"
            disabled={pending}
            className="flex-1 sm:flex-none sm:px-10"
          >
            {t("yes")}
          </Button>
          <Button
            type="submit"
            name="answer"
            value="no"
            variant="secondary"
            disabled={pending}
            className="flex-1 sm:flex-none sm:px-10"
          >
            {t("no")}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
