import "server-only";
import type { ApiActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { audit } from "@/lib/security/audit";

/**
 * The OpenAPI document promises that every call is in the audit log with actor type api: writes log their
 * changes in their services, and each read (GET) is logged here — which token read which path with which
 * filters, and the answer's status. Values are cut short; the paths and filters carry no ID numbers.
 */
export async function logApiRead(actor: ApiActor, request: Request, status: number): Promise<void> {
  const url = new URL(request.url);
  const query = Object.fromEntries(
    [...url.searchParams].slice(0, 20).map(([k, v]) => [k.slice(0, 40), v.slice(0, 100)]),
  );
  await audit(db, actor, {
    action: "api.read",
    targetType: "api",
    targetId: url.pathname.slice(0, 200),
    after: { query, status },
  });
}
