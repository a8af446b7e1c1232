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
/** next-auth's clock tolerance for a token's exp, in seconds */
const CLOCK_TOLERANCE_S = 15;

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
  const { payload } = await jwtDecrypt(token, cookieKey(secret), { clockTolerance: CLOCK_TOLERANCE_S });
  return payload as JWT;
}

/**
 * Cookies already opened, by their exact text: the same cookie arrives with every page a person opens, and
 * opening it (AES-GCM through WebCrypto, the key imported each time) was ~2 % of a signed-in page's CPU. A
 * token is only kept once it was opened with the current secret, and a kept one still ends at its `exp`
 * (with the same tolerance); the AuthSession row, read on every request, decides whether it is alive.
 */
const OPENED_MAX = 5_000;
let opened: { secret: string; tokens: Map<string, { sid: string | null; exp: number }> } | null = null;

function openedFor(secret: string) {
  if (opened?.secret !== secret) opened = { secret, tokens: new Map() };
  return opened.tokens;
}

export async function sessionIdFromToken(token: string | undefined): Promise<string | null> {
  if (!token) return null;
  const secret = authSecret();
  const tokens = openedFor(secret);
  const now = Date.now() / 1000;
  const known = tokens.get(token);
  if (known) return known.exp + CLOCK_TOLERANCE_S >= now ? known.sid : null;
  try {
    const { payload } = await jwtDecrypt(token, cookieKey(secret), { clockTolerance: CLOCK_TOLERANCE_S });
    const sid = typeof payload?.sid === "string" ? payload.sid : null;
    // a token without exp is still read, just not kept
    if (typeof payload.exp === "number") {
      if (tokens.size >= OPENED_MAX) tokens.delete(tokens.keys().next().value!);
      tokens.set(token, { sid, exp: payload.exp });
    }
    return sid;
  } catch {
    return null;
  }
}

export async function readSessionId(): Promise<string | null> {
  return sessionIdFromToken((await cookies()).get(sessionCookieName())?.value);
}
