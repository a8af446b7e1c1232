import "server-only";
import { db } from "@/lib/db";
import { clampPage, parseListParams, type ListParams, type ListSpec } from "@/lib/core/list-params";
import type { Prisma } from "@/lib/db/generated/sqlite/client";

/** Latest messages sent to one phone / e-mail (the DEV_OUTBOX endpoint and /admin/outbox). */
export async function latestMessagesTo(to: string, take = 20) {
  return db.outboundMessage.findMany({ where: { to }, orderBy: { createdAt: "desc" }, take });
}

/** The outbox list's sortable columns, each mapped to its own ordering (never a name from the URL). */
const OUTBOX_ORDER = {
  time: (dir) => ({ createdAt: dir }),
  channel: (dir) => ({ channel: dir }),
  to: (dir) => ({ to: dir }),
  status: (dir) => ({ status: dir }),
} satisfies Record<string, (dir: "asc" | "desc") => Prisma.OutboundMessageOrderByWithRelationInput>;
export type OutboxSort = keyof typeof OUTBOX_ORDER;
export const OUTBOX_LIST: ListSpec<OutboxSort> = {
  sorts: ["time", "channel", "to", "status"],
  defaultSort: "time",
  defaultDir: "desc",
};
export const outboxListParams = (raw: Record<string, unknown>) => parseListParams(OUTBOX_LIST, raw);

export async function listOutbox(
  list: ListParams<OutboxSort> = parseListParams(OUTBOX_LIST, {}),
  to?: string,
) {
  const where = to ? { to: { contains: to } } : {};
  const total = await db.outboundMessage.count({ where });
  const { page, pages } = clampPage(list.page, total, list.pageSize);
  const rows = await db.outboundMessage.findMany({
    where,
    orderBy: [OUTBOX_ORDER[list.sort](list.dir), { createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * list.pageSize,
    take: list.pageSize,
  });
  return { rows, total, page, pages };
}
