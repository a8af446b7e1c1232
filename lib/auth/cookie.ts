import "server-only";
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { authSecret, sessionCookieName, secureCookies } from "./secret";
import { sessionLimits } from "./sessions";

/**
 * The session cookie is a next-auth JWT whose `sid` names an AuthSession row; the row, not the JWT, decides
 * whether the session is alive.
 */
export async function setSessionCookie(sessionId: string, kind: "student" | "staff"): Promise<void> {
  const maxAge = Math.floor(sessionLimits().absoluteMs / 1000);
  const token = await encode({
    token: { sid: sessionId, kind, sub: sessionId },
    secret: authSecret(),
    maxAge,
  });
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    maxAge,
  });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(sessionCookieName());
}

export async function sessionIdFromToken(token: string | undefined): Promise<string | null> {
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: authSecret() });
    return typeof payload?.sid === "string" ? payload.sid : null;
  } catch {
    return null;
  }
}

export async function readSessionId(): Promise<string | null> {
  return sessionIdFromToken((await cookies()).get(sessionCookieName())?.value);
}
