import "server-only";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db/client";
import { hashSecret, randomToken } from "@/lib/security/crypto";

/**
 * Single-use random tokens (ResetToken): e-mail reset links, e-mail verification links and the short-lived
 * recovery ticket between the steps of /recover/password. Only a keyed hash is stored; the raw token is
 * never logged.
 */
export type TokenPurpose = "reset_password_email" | "verify_email" | "recovery_ticket" | "reset_grant";

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  reset_password_email: 30 * 60_000,
  verify_email: 24 * 3_600_000,
  recovery_ticket: 20 * 60_000,
  reset_grant: 15 * 60_000,
};

export async function issueToken(
  tx: Pick<Tx, "resetToken">,
  accountId: string,
  purpose: TokenPurpose,
): Promise<string> {
  const token = randomToken(32);
  const now = new Date();
  await tx.resetToken.create({
    data: {
      accountId,
      purpose,
      tokenHash: hashSecret(token),
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]),
      createdAt: now,
    },
  });
  return token;
}

/** The live (unused, unexpired) token row for a raw token of this purpose, or null. */
export async function findLiveToken(purpose: TokenPurpose, raw: string | null | undefined) {
  if (!raw || raw.length > 100) return null;
  const row = await db.resetToken.findUnique({ where: { tokenHash: hashSecret(raw) } });
  if (!row || row.purpose !== purpose || row.consumedAt || row.expiresAt.getTime() <= Date.now()) return null;
  return row;
}

/** Uses a token up inside the caller's transaction; false when it was already used. */
export async function consumeToken(tx: Pick<Tx, "resetToken">, id: string): Promise<boolean> {
  const used = await tx.resetToken.updateMany({
    where: { id, consumedAt: null },
    data: { consumedAt: new Date() },
  });
  return used.count === 1;
}

/** Ends every outstanding token of these purposes for an account (after a reset, a new e-mail…). */
export async function revokeTokens(
  tx: Pick<Tx, "resetToken">,
  accountId: string,
  purposes: TokenPurpose[],
): Promise<void> {
  await tx.resetToken.updateMany({
    where: { accountId, purpose: { in: purposes }, consumedAt: null },
    data: { consumedAt: new Date() },
  });
}
