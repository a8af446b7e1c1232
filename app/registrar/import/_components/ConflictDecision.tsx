"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { decideConflictAction } from "../actions";
import { idleForm } from "@/lib/core/form-state";
import { Button } from "@/components/ui/Button";
import { SignInAgainLink } from "@/components/ui/SignInAgainLink";

/** Keep current / take the file's value for one held field. */
export function ConflictDecision({ jobId, issueId }: { jobId: string; issueId: string }) {
  const t = useTranslations("import.conflicts");
  const [state, action, pending] = useActionState(decideConflictAction, idleForm);
  if (state.status === "success")
    return (
      <span role="status" className="text-sm text-emerald-800">
        {t("done")}
      </span>
    );
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="jobId" value={jobId} />
      <input type="hidden" name="issueId" value={issueId} />
      <Button
        type="submit"
        name="decision"
        value="keep"
        variant="secondary"
        disabled={pending}
        className="min-h-9 px-3 py-1.5"
      >
        {t("keep")}
      </Button>
      <Button
        type="submit"
        name="decision"
        value="take"
        variant="secondary"
        disabled={pending}
        className="min-h-9 px-3 py-1.5"
      >
        {t("take")}
      </Button>
      {state.error ? (
        <span role="alert" className="text-sm text-red-700">
          {state.error}
          <SignInAgainLink signIn={state.signIn} then />
        </span>
      ) : null}
    </form>
  );
}
