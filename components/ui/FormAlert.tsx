"use client";

import { useEffect, useRef } from "react";
import type { FormState } from "@/lib/core/form-state";
import { Alert } from "./Alert";
import { SignInAgainLink } from "./SignInAgainLink";

/**
 * A form's error line. It sits above the form, so on a long form (a phone, the button at the bottom) it is
 * scrolled into view when an answer brings it and no field says what is wrong: whoever pressed the button
 * sees that it did not go through. (With field errors the fields say it, where the person is working.)
 * When the session ended while the form was open, it also links to the sign-in page in a new window:
 * signing in there leaves this page, and what was typed in it, as it is.
 */
export function FormAlert({ state, fallback }: { state: FormState<unknown>; fallback?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const message = state.status === "error" ? (state.error ?? fallback) : undefined;
  const atFields = Object.keys(state.fieldErrors ?? {}).length > 0;
  useEffect(() => {
    if (message && !atFields) ref.current?.scrollIntoView({ block: "nearest" });
  }, [state, message, atFields]);
  if (!message) return null;
  return (
    <div ref={ref} className="scroll-mt-4">
      <Alert tone="error">
        {message}
        {state.signIn ? (
          <p className="mt-1">
            <SignInAgainLink signIn={state.signIn} then />
          </p>
        ) : null}
      </Alert>
    </div>
  );
}
