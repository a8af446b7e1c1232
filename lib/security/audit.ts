import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";

export type AuditEntry = {
  action: string;
  targetType?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

function actorColumns(actor: Actor | null) {
  if (!actor) return { actorType: "system", actorId: null, actorLabel: null };
  switch (actor.kind) {
    case "staff":
      return { actorType: "staff", actorId: actor.staffUserId, actorLabel: actor.username };
    case "student":
      return { actorType: "student", actorId: actor.accountId, actorLabel: null };
    case "api":
      return { actorType: "api", actorId: actor.tokenId, actorLabel: actor.tokenName };
  }
}

/**
 * Writes an audit entry inside the caller's transaction, so the entry exists exactly when the change does.
 * Callers pass already-masked values: ID numbers never enter the log in clear.
 */
export async function audit(tx: Pick<Tx, "auditLog">, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      ...actorColumns(actor),
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      ip: entry.ip ?? null,
    },
  });
}
