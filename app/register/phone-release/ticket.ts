import "server-only";
import { cookies } from "next/headers";
import { secureCookies } from "@/lib/auth/secret";
import { PHONE_RELEASE_TICKET_MINUTES } from "@/lib/identity-cases/rules";

/**
 * The sealed proof that this browser verified the phone number's SMS code (lib/identity-cases/
 * phone-release.ts), kept in an HttpOnly cookie scoped to the release page, never in the URL.
 */
const NAME = "phone_release";
const PATH = "/register/phone-release";

export async function readReleaseTicket(): Promise<string | undefined> {
  return (await cookies()).get(NAME)?.value;
}

export async function setReleaseTicket(sealed: string): Promise<void> {
  (await cookies()).set(NAME, sealed, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: PATH,
    maxAge: PHONE_RELEASE_TICKET_MINUTES * 60,
  });
}

export async function clearReleaseTicket(): Promise<void> {
  (await cookies()).set(NAME, "", { path: PATH, maxAge: 0 });
}
