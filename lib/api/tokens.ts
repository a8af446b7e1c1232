import "server-only";
import { db } from "@/lib/db";
import { parseRoles, type ApiActor } from "@/lib/auth/actor";
import { hashSecret } from "@/lib/security/crypto";

const TOUCH_EVERY_MS = 60_000;

/** The bearer token of an Authorization header, or null when there is none. */
export function bearerToken(header: string | null): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return m ? m[1] : null;
}

export type TokenCheck = { status: "ok"; actor: ApiActor } | { status: "invalid" } | { status: "expired" };

/**
 * The actor behind an API token, or why there is none: unknown or revoked ("invalid") or past its expiry
 * ("expired"). Tokens are found by their keyed hash (the database never holds them in clear); last use is
 * recorded at most once a minute.
 */
export async function checkToken(token: string, at: Date = new Date()): Promise<TokenCheck> {
  if (token.length > 200) return { status: "invalid" };
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashSecret(token) } });
  if (!row || row.revokedAt) return { status: "invalid" };
  if (row.expiresAt && row.expiresAt.getTime() <= at.getTime()) return { status: "expired" };
  const now = at.getTime();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return {
    status: "ok",
    actor: {
      kind: "api",
      tokenId: row.id,
      tokenName: row.name,
      roles: parseRoles(row.roles),
      collegeIds: row.collegeIds.split(",").filter(Boolean),
      readOnly: row.readOnly,
    },
  };
}

/** The actor behind a usable token, or null (unknown, revoked or expired). */
export async function actorForToken(token: string, at?: Date): Promise<ApiActor | null> {
  const checked = await checkToken(token, at);
  return checked.status === "ok" ? checked.actor : null;
}
