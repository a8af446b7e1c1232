import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The public origin for links in e-mails: NEXTAUTH_URL when configured (production), otherwise the origin
 * the person is using now. Only called from server actions, which the proxy already checked same-origin.
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
