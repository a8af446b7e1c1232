"use client";

import { useActionState } from "react";
import { idleForm, type FormState } from "@/lib/core/form-state";
import { Button } from "./Button";
import { FormAlert } from "./FormAlert";

/**
 * An irreversible (or hard to reverse) action behind a checked statement: the person ticks what they have
 * checked ("I have checked the 120 students listed above"), then presses the button. The box is required in
 * the browser and checked again by the action (an unticked box comes back as an error at the box).
 */
export function ConfirmForm({
  action,
  fields,
  statement,
  submit,
  variant = "primary",
  id,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  statement: string;
  submit: string;
  variant?: "primary" | "danger" | "secondary";
  id: string;
}) {
  const [state, formAction, pending] = useActionState(action, idleForm);
  const error = state.fieldErrors?.confirm;
  return (
    <form action={formAction} className="space-y-3" data-testid={id}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormAlert state={state} />
      <div className="space-y-1">
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            id={`${id}-confirm`}
            name="confirm"
            value="yes"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className="mt-0.5 h-5 w-5 shrink-0 rounded border-slate-400"
          />
          <span>{statement}</span>
        </label>
        {error ? (
          <p id={`${id}-error`} role="alert" className="text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <Button type="submit" variant={variant} disabled={pending} className="w-full sm:w-auto">
        {submit}
      </Button>
    </form>
  );
}
