import "server-only";
import { cookies } from "next/headers";
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import { encode } from "next-auth/jwt";
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

/**
 * next-auth's decode derives the cookie's key from the secret (HKDF) on every call, i.e. on every request;
 * the key is the same each time, so it is derived once per secret. Same key, algorithm and clock tolerance
 * as next-auth's own decode (next-auth/jwt).
 */
let derived: { secret: string; key: Uint8Array } | null = null;
function cookieKey(secret: string): Uint8Array {
  if (derived?.secret !== secret) {
    const info = "NextAuth.js Generated Encryption Key";
    derived = { secret, key: new Uint8Array(hkdfSync("sha256", secret, "", info, 32)) };
  }
  return derived.key;
}

export async function sessionIdFromToken(token: string | undefined): Promise<string | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtDecrypt(token, cookieKey(authSecret()), { clockTolerance: 15 });
    return typeof payload?.sid === "string" ? payload.sid : null;
  } catch {
    return null;
  }
}

export async function readSessionId(): Promise<string | null> {
  return sessionIdFromToken((await cookies()).get(sessionCookieName())?.value);
}
