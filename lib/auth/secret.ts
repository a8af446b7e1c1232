import "server-only";
import { secretOf } from "@/lib/security/keys";
import { env } from "@/lib/env";

/**
 * Signs and encrypts the session JWT (next-auth): NEXTAUTH_SECRET (or APP_SECRET); in demo mode without
 * either, the secret generated on first start (lib/security/keys.ts).
 */
export function authSecret(): string {
  return secretOf("session");
}

/** Secure cookies (and the __Secure- prefix) whenever the public URL is HTTPS. */
export function secureCookies(): boolean {
  return (env().NEXTAUTH_URL ?? "").startsWith("https://");
}

export function sessionCookieName(): string {
  return secureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}
