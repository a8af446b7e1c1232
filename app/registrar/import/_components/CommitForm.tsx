"use client";

import { useActionState } from "react";
import { commitRosterAction } from "../actions";
import { idleForm } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";

export function CommitForm({ jobId, label, hint }: { jobId: string; label: string; hint: string }) {
  const [state, action, pending] = useActionState(commitRosterAction, idleForm);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="jobId" value={jobId} />
      <p className="text-sm text-slate-600">{hint}</p>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <Button type="submit" disabled={pending}>
        {label}
      </Button>
    </form>
  );
}
