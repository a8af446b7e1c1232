import "server-only";
import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db";

export type Recipient = { accountId: string } | { staffUserId: string };

/**
 * 站内信. `kind` names a message in the inbox catalogue (lib/i18n/messages/<locale>/inbox.json) and params
 * fill it, so each reader sees it in their own language.
 */
export async function notify(
  recipient: Recipient,
  kind: string,
  params: Record<string, string | number> = {},
  linkPath?: string,
  tx: Pick<Tx, "notification"> = db,
): Promise<void> {
  await tx.notification.create({
    data: { ...recipient, kind, params: JSON.stringify(params), linkPath: linkPath ?? null },
  });
}

export async function unreadCount(recipient: Recipient): Promise<number> {
  return db.notification.count({ where: { ...recipient, readAt: null } });
}

export async function listNotifications(recipient: Recipient, take = 50) {
  return db.notification.findMany({ where: recipient, orderBy: { createdAt: "desc" }, take });
}

export async function markRead(recipient: Recipient, id: string): Promise<void> {
  await db.notification.updateMany({
    where: { ...recipient, id, readAt: null },
    data: { readAt: new Date() },
  });
}
