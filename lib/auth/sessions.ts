import "server-only";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { parseRoles, type Actor } from "./actor";

export type SessionOwner = { accountId: string } | { staffUserId: string };
export type RevokeReason =
  | "sign_out"
  | "sign_out_everywhere"
  | "password_changed"
  | "password_reset"
  | "cancelled"
  | "idle"
  | "role_changed";

const TOUCH_EVERY_MS = 60_000;

export function sessionLimits() {
  return {
    idleMs: env().SESSION_IDLE_MINUTES * 60_000,
    absoluteMs: env().SESSION_ABSOLUTE_HOURS * 3_600_000,
  };
}

/** A new session row (a new id at every sign-in). */
export async function startSession(
  owner: SessionOwner,
  meta: { ip?: string | null; userAgent?: string | null },
  method: "password" | "oidc" = "password",
) {
  const now = new Date();
  return db.authSession.create({
    data: {
      ...owner,
      method,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + sessionLimits().absoluteMs),
    },
    select: { id: true, expiresAt: true },
  });
}

/**
 * The actor behind a session id, or null when the session was revoked, expired (absolute lifetime), idle
 * too long, or its owner can no longer sign in. Checked on every request.
 */
export async function resolveSession(sessionId: string): Promise<Actor | null> {
  const session = await db.authSession.findUnique({
    where: { id: sessionId },
    include: {
      account: { select: { id: true, identityStatus: true } },
      staffUser: { include: { collegeScopes: { select: { collegeId: true } } } },
    },
  });
  if (!session || session.revokedAt) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now) return null;
  if (session.lastSeenAt.getTime() + sessionLimits().idleMs <= now) {
    await db.authSession.update({
      where: { id: sessionId },
      data: { revokedAt: new Date(), revokeReason: "idle" },
    });
    return null;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.authSession.update({ where: { id: sessionId }, data: { lastSeenAt: new Date() } });
  }
  if (session.account) {
    const status = session.account.identityStatus;
    if (status !== "verified" && status !== "pending") return null;
    return { kind: "student", accountId: session.account.id, sessionId, identityStatus: status };
  }
  const staff = session.staffUser;
  if (!staff || staff.disabledAt) return null;
  return {
    kind: "staff",
    staffUserId: staff.id,
    username: staff.username,
    displayName: staff.displayName,
    sessionId,
    roles: parseRoles(staff.roles),
    collegeIds: staff.collegeScopes.map((s) => s.collegeId),
    // Signed in through the campus identity system: the portal password is not in use this session.
    mustChangePassword: staff.mustChangePassword && session.method === "password",
  };
}

export async function endSession(sessionId: string, reason: RevokeReason = "sign_out"): Promise<void> {
  await db.authSession.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date(), revokeReason: reason },
  });
}

/** Ends every live session of an account or staff user (optionally keeping the current one). */
export async function endAllSessions(
  tx: Pick<Tx, "authSession">,
  owner: SessionOwner,
  reason: RevokeReason,
  keepSessionId?: string,
): Promise<void> {
  await tx.authSession.updateMany({
    where: { ...owner, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    data: { revokedAt: new Date(), revokeReason: reason },
  });
}
