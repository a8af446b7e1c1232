import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The portal's own address for links sent in e-mails and SMS (password reset, e-mail verification): the
 * configured public URL (NEXTAUTH_URL, required in production) and nothing a request says. Host, Origin and
 * X-Forwarded-Host are chosen by whoever sends the request, so a forged one would put an attacker's site in
 * a reset link mailed to someone else. Without a configured URL (the demo) it is the address the server
 * listens on (HOSTNAME and PORT; a wildcard host reads as localhost).
 */
export function messageBaseUrl(env: Record<string, string | undefined> = process.env): string {
  const configured = env.NEXTAUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // a malformed NEXTAUTH_URL is refused at start in production; the demo falls back below
    }
  }
  const listening =
    env.HOSTNAME && !["0.0.0.0", "::", "[::]"].includes(env.HOSTNAME) ? env.HOSTNAME : "localhost";
  const host = listening.includes(":") && !listening.startsWith("[") ? `[${listening}]` : listening;
  return `http://${host}:${env.PORT || "3000"}`;
}

/**
 * The origin the person's browser is using now, for redirects that browser follows itself (external sign-in
 * callbacks, the redirect URIs shown to the administrator): NEXTAUTH_URL when configured, otherwise the
 * request's Origin or Host (scripts/serve.ts replaces X-Forwarded-Host with the Host unless a trusted proxy
 * sets it). Never for a link sent to someone else: that is messageBaseUrl().
 */
export async function publicBaseUrl(): Promise<string> {
  const configured = env().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const origin = h.get("origin");
  if (origin) return origin;
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}
