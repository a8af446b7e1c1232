import { staffFileRoute } from "@/lib/auth/staff-route";
import { metaFromHeaders } from "@/lib/core/request-meta";
import { CONTENT_TYPES, downloadResponse } from "@/lib/core/download";
import { auditCsvStream } from "@/lib/admin/audit-log";
import { auditFilterSchema } from "@/lib/admin/audit-schemas";

/** CSV of the filtered audit log; only for staff holding audit.view. */
export const GET = staffFileRoute("audit.view", async ({ request, url, actor }) => {
  const { page: _page, ...filter } = auditFilterSchema.parse(Object.fromEntries(url.searchParams));
  const stream = await auditCsvStream(actor, filter, metaFromHeaders(request.headers));
  const day = new Date().toISOString().slice(0, 10);
  return downloadResponse(stream, { name: `audit-log-${day}.csv`, contentType: CONTENT_TYPES.csv });
});
