import { getActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { metaFromHeaders } from "@/lib/core/request-meta";
import { isDemoMode } from "@/lib/env";
import { auditCsvStream } from "@/lib/admin/audit-log";
import { auditFilterSchema } from "@/lib/admin/audit-schemas";

/** CSV of the filtered audit log; only for staff holding audit.view (checked here, not by the page). */
export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("sign in required", { status: 401 });
  if (actor.kind !== "staff" || !can(actor, "audit.view")) return new Response("forbidden", { status: 403 });
  if (actor.mustChangePassword && !isDemoMode())
    return new Response("change your password first", { status: 403 });
  const { page: _page, ...filter } = auditFilterSchema.parse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  const stream = await auditCsvStream(actor, filter, metaFromHeaders(request.headers));
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-log-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
