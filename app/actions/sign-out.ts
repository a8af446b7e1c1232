"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/current";
import { clearSessionCookie, readSessionId } from "@/lib/auth/cookie";
import { endSession } from "@/lib/auth/sessions";

/**
 * Ends this session on the server (a replayed cookie is refused afterwards) and clears the cookie. Any
 * signed-in person (student or staff) and no form state, so not a form action of lib/auth/action.ts.
 */
export async function signOut(): Promise<void> {
  const actor = await getActor();
  const sessionId = await readSessionId();
  if (sessionId) await endSession(sessionId, "sign_out");
  await clearSessionCookie();
  redirect(actor?.kind === "staff" ? "/staff/login?signedOut=1" : "/login?signedOut=1");
}
