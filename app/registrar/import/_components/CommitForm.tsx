"use client";

import { useActionState } from "react";
import { commitRosterAction } from "../actions";
import { idleForm } from "@/lib/core/form-state";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";

export function CommitForm({ jobId, label, hint }: { jobId: string; label: string; hint: string }) {
  const [state, action, pending] = useActionState(commitRosterAction, idleForm);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="jobId" value={jobId} />
      <p className="text-sm text-slate-600">{hint}</p>
      <FormAlert state={state} />
      <Button type="submit" disabled={pending}>
        {label}
      </Button>
    </form>
  );
}
