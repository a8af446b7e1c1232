import "server-only";
import { cookies } from "next/headers";
import { hkdfSync, randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import { decode, encode, type JWT, type JWTDecodeParams, type JWTEncodeParams } from "next-auth/jwt";
import { authSecret, sessionCookieName, secureCookies } from "./secret";
import { sessionLimits } from "./sessions";

/**
 * The session cookie is a next-auth JWT whose `sid` names an AuthSession row; the row, not the JWT, decides
 * whether the session is alive.
 */
export async function setSessionCookie(sessionId: string, kind: "student" | "staff"): Promise<void> {
  const maxAge = Math.floor(sessionLimits().absoluteMs / 1000);
  const token = await encodeSessionToken({
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
 * next-auth's encode and decode derive the cookie's key from the secret (HKDF) on every call, i.e. on every
 * sign-in and every request; the key is the same each time, so it is derived once per secret. Same key,
 * algorithm, claims and clock tolerance as next-auth's own (next-auth/jwt), which next-auth is configured to
 * use through these (app/api/auth/[...nextauth]/options.ts).
 */
let derived: { secret: string; key: Uint8Array } | null = null;
function cookieKey(secret: string): Uint8Array {
  if (derived?.secret !== secret) {
    const info = "NextAuth.js Generated Encryption Key";
    derived = { secret, key: new Uint8Array(hkdfSync("sha256", secret, "", info, 32)) };
  }
  return derived.key;
}

const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;

/** next-auth's encode (an encrypted JWT: dir + A256GCM, iat, exp, a random jti) with the key derived once. */
export async function encodeSessionToken(params: JWTEncodeParams): Promise<string> {
  const { token = {}, secret, maxAge = DEFAULT_MAX_AGE, salt = "" } = params;
  if (typeof secret !== "string" || salt) return encode(params);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + maxAge)
    .setJti(randomUUID())
    .encrypt(cookieKey(secret));
}

/** next-auth's decode with the key derived once; throws, as it does, on a token it cannot open. */
export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  const { token, secret, salt = "" } = params;
  if (typeof secret !== "string" || salt) return decode(params);
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, cookieKey(secret), { clockTolerance: 15 });
  return payload as JWT;
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
