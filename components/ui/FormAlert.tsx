import type { FormState } from "@/lib/core/form-state";
import { Alert } from "./Alert";
import { SignInAgainLink } from "./SignInAgainLink";

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
          <SignInAgainLink signIn={state.signIn} then />
        </p>
      ) : null}
    </Alert>
  );
}
