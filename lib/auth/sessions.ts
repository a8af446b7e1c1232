import "server-only";
import { randomUUID } from "node:crypto";
import { db, readRaw } from "@/lib/db";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/sqlite/client";
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
  tx: Pick<Tx, "authSession"> = db,
) {
  return tx.authSession.create({
    data: newSession(owner, meta, method),
    select: { id: true, expiresAt: true },
  });
}

/**
 * A password sign-in's session row and its log entry as plain statements, for the batch that commits them
 * with the sign-in counters (lib/security/rate-limit.ts changeCountersWith). A model create is compiled by
 * Prisma on every call (≈ 0.5 ms of CPU for the two), and sign-in is the busiest write of a campaign week.
 * The row is newSession's; the id is chosen here (a random UUID: the id columns hold any unique text, rows
 * created through Prisma carry cuids).
 */
export function signInRows(owner: SessionOwner, meta: { ip?: string | null; userAgent?: string | null }) {
  const row = newSession(owner, meta, "password");
  const [ownerColumn, ownerId] = ownerOf(owner);
  const sessionId = randomUUID();
  return {
    sessionId,
    loginEvent: passwordLoginEvent(owner, "success", row),
    session: Prisma.sql`
      INSERT INTO "AuthSession" ("id", ${ownerColumn}, "ip", "userAgent", "createdAt", "lastSeenAt", "expiresAt", "method")
      VALUES (${sessionId}, ${ownerId}, ${row.ip}, ${row.userAgent}, ${row.createdAt}, ${row.lastSeenAt},
        ${row.expiresAt}, ${row.method})`,
  };
}

/** A password sign-in's log entry as a plain statement (see signInRows). */
export function passwordLoginEvent(
  owner: SessionOwner,
  outcome: string,
  meta: { ip?: string | null; userAgent?: string | null; createdAt?: Date },
) {
  const [ownerColumn, ownerId] = ownerOf(owner);
  return Prisma.sql`
    INSERT INTO "LoginEvent" ("id", ${ownerColumn}, "outcome", "method", "ip", "userAgent", "createdAt")
    VALUES (${randomUUID()}, ${ownerId}, ${outcome}, 'password', ${meta.ip ?? null}, ${meta.userAgent ?? null},
      ${meta.createdAt ?? new Date()})`;
}

function ownerOf(owner: SessionOwner): [Prisma.Sql, string] {
  return "accountId" in owner
    ? [Prisma.raw(`"accountId"`), owner.accountId]
    : [Prisma.raw(`"staffUserId"`), owner.staffUserId];
}

/** The row startSession writes, for a caller that writes it in a batch with other statements. */
export function newSession(
  owner: SessionOwner,
  meta: { ip?: string | null; userAgent?: string | null },
  method: "password" | "oidc" = "password",
) {
  const now = new Date();
  return {
    ...owner,
    method,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + sessionLimits().absoluteMs),
  };
}

type SessionRow = {
  method: string;
  revokedAt: unknown;
  expiresAt: unknown;
  lastSeenAt: unknown;
  accountId: string | null;
  identityStatus: string | null;
  staffUserId: string | null;
  username: string | null;
  displayName: string | null;
  roles: string | null;
  mustChangePassword: unknown;
  disabledAt: unknown;
};

/** A timestamp as either database hands it back to a raw query (Date, ISO text, or epoch number). */
const time = (value: unknown): number =>
  value instanceof Date ? value.getTime() : new Date(value as string | number).getTime();

/**
 * The actor behind a session id, or null when the session was revoked, expired (absolute lifetime), idle
 * too long, or its owner can no longer sign in. Checked on every request, so it is one statement (session,
 * account and staff user joined; a staff user's college scopes in a second one) rather than Prisma's
 * relation loading, which cost several times as much on every page.
 */
export async function resolveSession(sessionId: string): Promise<Actor | null> {
  const [session] = await readRaw<SessionRow[]>`
    SELECT s."revokedAt", s."expiresAt", s."lastSeenAt", s."method",
      a."id" AS "accountId", a."identityStatus",
      u."id" AS "staffUserId", u."username", u."displayName", u."roles", u."mustChangePassword", u."disabledAt"
    FROM "AuthSession" s
    LEFT JOIN "Account" a ON a."id" = s."accountId"
    LEFT JOIN "StaffUser" u ON u."id" = s."staffUserId"
    WHERE s."id" = ${sessionId}`;
  if (!session || session.revokedAt !== null) return null;
  const now = Date.now();
  if (time(session.expiresAt) <= now) return null;
  const lastSeen = time(session.lastSeenAt);
  if (lastSeen + sessionLimits().idleMs <= now) {
    await db.authSession.update({
      where: { id: sessionId },
      data: { revokedAt: new Date(), revokeReason: "idle" },
    });
    return null;
  }
  if (now - lastSeen > TOUCH_EVERY_MS) {
    await db.authSession.update({ where: { id: sessionId }, data: { lastSeenAt: new Date() } });
  }
  if (session.accountId) {
    const status = session.identityStatus;
    if (status !== "verified" && status !== "pending") return null;
    return { kind: "student", accountId: session.accountId, sessionId, identityStatus: status };
  }
  if (!session.staffUserId || session.disabledAt !== null) return null;
  const scopes = await readRaw<{ collegeId: string; classGroupIds: string; cohort: string }[]>`
    SELECT "collegeId", "classGroupIds", "cohort" FROM "StaffCollegeScope"
    WHERE "staffUserId" = ${session.staffUserId}`;
  return {
    kind: "staff",
    staffUserId: session.staffUserId,
    username: session.username ?? "",
    displayName: session.displayName ?? "",
    sessionId,
    roles: parseRoles(session.roles ?? ""),
    collegeIds: scopes.map((s) => s.collegeId),
    unitLimits: scopes
      .filter((s) => s.classGroupIds || s.cohort)
      .map((s) => ({
        collegeId: s.collegeId,
        classGroupIds: s.classGroupIds.split(",").filter(Boolean),
        cohort: s.cohort || null,
      })),
    // Signed in through the campus identity system: the portal password is not in use this session.
    mustChangePassword: Boolean(Number(session.mustChangePassword)) && session.method === "password",
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
