import "server-only";

/** Signs and encrypts the session JWT (next-auth). Development falls back to a labelled constant. */
export function authSecret(): string {
  return (
    process.env.NEXTAUTH_SECRET ||
    process.env.APP_SECRET ||
    "development-only-secret-do-not-use-in-production"
  );
}

/** Secure cookies (and the __Secure- prefix) whenever the public URL is HTTPS. */
export function secureCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

export function sessionCookieName(): string {
  return secureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}
