import "server-only";
import { db, readRaw } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";
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

/**
 * What sign-in needs of the account findAccountByUsername finds (the same rules), read with one raw
 * statement: sign-in is the busiest path that looks an account up, and a query Prisma has to compile costs
 * it more than the read itself.
 */
export async function findAccountForSignIn(
  raw: string,
): Promise<{ id: string; passwordHash: string; identityStatus: string; phone: string } | null> {
  const input = raw.trim();
  if (!input) return null;
  const columns = Prisma.sql`SELECT "id", "passwordHash", "identityStatus", "phone" FROM "Account"`;
  type Row = { id: string; passwordHash: string; identityStatus: string; phone: string };
  const phone = parsePhone(input);
  if (phone.ok) {
    const [row] = await readRaw<Row[]>`${columns}
      WHERE "phone" = ${phone.value} AND "identityStatus" <> 'cancelled' LIMIT 1`;
    return row ?? null;
  }
  if (input.includes("@")) {
    const email = parseEmail(input);
    if (!email.ok) return null;
    const [row] = await readRaw<Row[]>`${columns}
      WHERE "email" = ${email.value} AND "emailVerifiedAt" IS NOT NULL AND "identityStatus" <> 'cancelled'
      LIMIT 1`;
    return row ?? null;
  }
  const resident = parseResidentIdNumber(input);
  const idValue = resident.ok ? resident.value : normalizeIdNumber(input);
  const candidates = await readRaw<Row[]>`${columns}
    WHERE "idNumberIndex" IN (${Prisma.join(blindIndexes(idValue))}) AND "identityStatus" <> 'cancelled'
    ORDER BY "createdAt" ASC`;
  return candidates.find((a) => a.identityStatus === "verified") ?? candidates[0] ?? null;
}

/** Stable key for counting failures against a username, whether or not it exists. */
export function usernameKey(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, "");
}
