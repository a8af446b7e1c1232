"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/core/form-state";
import type { ConfirmData, ConfirmRecordAction } from "@/lib/records/form-states";
import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import { Button } from "@/components/ui/Button";

/** The three texts the form shows, translated on the server (the panel's other messages stay there). */
export type ConfirmLabels = { confirm: string; confirming: string; confirmedNow: string };

/**
 * 确认无误. Posts the version the page displayed; the button is disabled while sending, and the server
 * makes repeats harmless anyway (one confirmation per campaign and record). `confirmedNow` holds {time}.
 */
export function ConfirmForm({
  recordId,
  version,
  labels,
  confirm,
}: {
  recordId: string;
  version: number;
  labels: ConfirmLabels;
  confirm: ConfirmRecordAction;
}) {
  const [state, action, pending] = useActionState<FormState<ConfirmData>, FormData>(confirm, {
    status: "idle",
  });
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="recordId" value={recordId} />
      <input type="hidden" name="version" value={version} />
      <FormAlert state={state} />
      {state.status === "success" && state.data ? (
        <Alert tone="success">{labels.confirmedNow.replace("{time}", state.data.confirmedAt)}</Alert>
      ) : null}
      <Button type="submit" className="w-full sm:w-auto" disabled={pending} aria-disabled={pending}>
        {pending ? labels.confirming : labels.confirm}
      </Button>
    </form>
  );
}
