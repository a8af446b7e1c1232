import type { FormState } from "@/lib/core/form-state";
import { Alert } from "./Alert";

/**
 * A form's error line. When the session ended while the form was open, it also links to the sign-in page
 * in a new window: signing in there leaves this page, and what was typed in it, as it is.
 */
export function FormAlert({ state, fallback }: { state: FormState<unknown>; fallback?: string }) {
  if (state.status !== "error") return null;
  const message = state.error ?? fallback;
  if (!message) return null;
  return (
    <Alert tone="error">
      {message}
      {state.signIn ? (
        <p className="mt-1">
          <a
            href={state.signIn.href}
            target="_blank"
            rel="noopener"
            className="font-semibold underline underline-offset-2"
          >
            {state.signIn.label}
          </a>{" "}
          {state.signIn.then}
        </p>
      ) : null}
    </Alert>
  );
}
