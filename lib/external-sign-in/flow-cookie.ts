import "server-only";
import { cookies } from "next/headers";
import { secureCookies } from "@/lib/auth/secret";
import { randomToken } from "@/lib/security/crypto";

/**
 * A random value tying a flow to the browser that started it: the callback is refused in any other
 * browser, so nobody can sign a victim in with the attacker's identity by sending them a callback link.
 * One value per browser (not per flow), so two tabs signing in at once both work.
 */
const NAME = () => (secureCookies() ? "__Host-xj-oidc-flow" : "xj-oidc-flow");

export async function flowCookie(): Promise<string | undefined> {
  return (await cookies()).get(NAME())?.value;
}

/** The browser's flow value, set now when it has none (server actions only: they may set cookies). */
export async function ensureFlowCookie(): Promise<string> {
  const existing = await flowCookie();
  if (existing && existing.length >= 32 && existing.length <= 100) return existing;
  const value = randomToken();
  (await cookies()).set(NAME(), value, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
  });
  return value;
}
