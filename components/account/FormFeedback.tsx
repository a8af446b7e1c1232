"use client";

import { Alert } from "@/components/ui/Alert";
import type { FormState } from "@/lib/core/form-state";

/** The success or error line of an account form, announced to screen readers. */
export function FormFeedback({ state }: { state: FormState<{ message?: string }> }) {
  if (state.status === "success" && state.data?.message)
    return <Alert tone="success">{state.data.message}</Alert>;
  if (state.status === "error" && state.error) return <Alert tone="error">{state.error}</Alert>;
  return null;
}
