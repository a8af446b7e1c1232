import "server-only";
import { db } from "@/lib/db";
import { parseEmail } from "@/lib/identity/email";
import { parseResidentIdNumber, normalizeIdNumber } from "@/lib/identity/id-number";
import { parsePhone } from "@/lib/identity/phone";
import { blindIndexes } from "@/lib/security/crypto";

/**
 * The username is the phone number, the ID number (any accepted form) or the verified e-mail. Returns the
 * non-cancelled account it names (the verified one first when an ID number is shared with a pending one).
 */
export async function findAccountByUsername(raw: string) {
  const input = raw.trim();
  if (!input) return null;
  const phone = parsePhone(input);
  if (phone.ok)
    return db.account.findFirst({ where: { phone: phone.value, identityStatus: { not: "cancelled" } } });
  if (input.includes("@")) {
    const email = parseEmail(input);
    if (!email.ok) return null;
    return db.account.findFirst({
      where: { email: email.value, emailVerifiedAt: { not: null }, identityStatus: { not: "cancelled" } },
    });
  }
  const resident = parseResidentIdNumber(input);
  const idValue = resident.ok ? resident.value : normalizeIdNumber(input);
  const candidates = await db.account.findMany({
    where: { idNumberIndex: { in: blindIndexes(idValue) }, identityStatus: { not: "cancelled" } },
    orderBy: { createdAt: "asc" },
  });
  return candidates.find((a) => a.identityStatus === "verified") ?? candidates[0] ?? null;
}

/** Stable key for counting failures against a username, whether or not it exists. */
export function usernameKey(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, "");
}
