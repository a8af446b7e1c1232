import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";

/** Figures for the /admin landing cards; each only when the actor may open that section. */
export async function adminOverview(actor: Actor) {
  const since = new Date(Date.now() - 86_400_000);
  const [staff, demo, tokens, audit24h, outbox24h] = await Promise.all([
    can(actor, "staff.manage") ? db.staffUser.count({ where: { disabledAt: null } }) : null,
    can(actor, "staff.manage") ? db.staffUser.count({ where: { disabledAt: null, isDemo: true } }) : null,
    can(actor, "apiToken.manage") ? db.apiToken.count({ where: { revokedAt: null } }) : null,
    can(actor, "audit.view") ? db.auditLog.count({ where: { createdAt: { gte: since } } }) : null,
    can(actor, "outbox.view") ? db.outboundMessage.count({ where: { createdAt: { gte: since } } }) : null,
  ]);
  return { staff, demo, tokens, audit24h, outbox24h };
}
