"use client";

import { Alert } from "@/components/ui/Alert";
import { FormAlert } from "@/components/ui/FormAlert";
import type { FormState } from "@/lib/core/form-state";

/** The success or error line of an account form, announced to screen readers. */
export function FormFeedback({ state }: { state: FormState<{ message?: string }> }) {
  if (state.status === "success" && state.data?.message)
    return <Alert tone="success">{state.data.message}</Alert>;
  return <FormAlert state={state} />;
}
