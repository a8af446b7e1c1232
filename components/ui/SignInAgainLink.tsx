import type { FormState } from "@/lib/core/form-state";

/**
 * After a form's message that the session ended: the link that signs in again in a new window (the page,
 * and what was typed in it, stays as it is), and with `then` the line that says what to do after.
 */
export function SignInAgainLink({ signIn, then }: { signIn: FormState["signIn"]; then?: boolean }) {
  if (!signIn) return null;
  return (
    <>
      {" "}
      <a
        href={signIn.href}
        target="_blank"
        rel="noopener"
        className="font-semibold underline underline-offset-2"
      >
        {signIn.label}
      </a>
      {then ? ` ${signIn.then}` : null}
    </>
  );
}
