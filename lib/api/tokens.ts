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

/**
 * The actor behind an API token, or null when the token is unknown or revoked. Tokens are found by their
 * keyed hash (the database never holds them in clear); last use is recorded at most once a minute.
 */
export async function actorForToken(token: string): Promise<ApiActor | null> {
  if (token.length > 200) return null;
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashSecret(token) } });
  if (!row || row.revokedAt) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return {
    kind: "api",
    tokenId: row.id,
    tokenName: row.name,
    roles: parseRoles(row.roles),
    collegeIds: row.collegeIds.split(",").filter(Boolean),
  };
}
