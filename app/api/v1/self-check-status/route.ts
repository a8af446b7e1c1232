import { apiHandler, readQuery } from "@/lib/api/handler";
import { describe } from "@/lib/api/messages";
import { apiError, json } from "@/lib/api/respond";
import { selfCheckStatusQuerySchema } from "@/lib/api/schemas";
import { selfCheckStatus } from "@/lib/api/self-check-status";

/** Self-check progress of a cohort per college, within the token's college scope; see docs/api.md. */
export const GET = apiHandler({ permission: "progress.viewCollege" }, async (ctx) => {
  const query = readQuery(ctx, selfCheckStatusQuerySchema);
  if (!query.ok) return query.response;
  const result = await selfCheckStatus(ctx.actor, query.value);
  if (!result.ok) {
    const error = describe(ctx.t, result.error ?? { key: "api.errors.notFound" });
    return apiError(404, error.code, error.message);
  }
  return json(result.value);
});
