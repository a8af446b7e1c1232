import "server-only";
import { db } from "@/lib/db";

/** Latest messages sent to one phone / e-mail (the DEV_OUTBOX endpoint and /admin/outbox). */
export async function latestMessagesTo(to: string, take = 20) {
  return db.outboundMessage.findMany({ where: { to }, orderBy: { createdAt: "desc" }, take });
}

export async function listOutbox(page: number, pageSize = 50, to?: string) {
  const where = to ? { to: { contains: to } } : {};
  const [rows, total] = await Promise.all([
    db.outboundMessage.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db.outboundMessage.count({ where }),
  ]);
  return { rows, total };
}
