import "server-only";
import type { Tx } from "@/lib/db/client";
import { db, readRaw } from "@/lib/db";

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

/** The header's badge, on every signed-in page: one plain statement. */
export async function unreadCount(recipient: Recipient): Promise<number> {
  const [row] =
    "accountId" in recipient
      ? await readRaw<{ n: unknown }[]>`SELECT COUNT(*) AS "n" FROM "Notification"
          WHERE "accountId" = ${recipient.accountId} AND "readAt" IS NULL`
      : await readRaw<{ n: unknown }[]>`SELECT COUNT(*) AS "n" FROM "Notification"
          WHERE "staffUserId" = ${recipient.staffUserId} AND "readAt" IS NULL`;
  return Number(row?.n ?? 0);
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
