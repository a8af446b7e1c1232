import { apiHandler } from "@/lib/api/handler";
import { describe } from "@/lib/api/messages";
import { apiError, json, zodFieldErrors } from "@/lib/api/respond";
import { selfCheckStatusQuerySchema } from "@/lib/api/schemas";
import { selfCheckStatus } from "@/lib/api/self-check-status";

/** Self-check progress of a cohort per college, within the token's college scope; see docs/api.md. */
export const GET = apiHandler({ permission: "progress.viewCollege" }, async ({ request, actor, t }) => {
  const query = selfCheckStatusQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success)
    return apiError(
      400,
      "api.errors.invalidQuery",
      t("api.errors.invalidQuery"),
      zodFieldErrors(query.error),
    );
  const result = await selfCheckStatus(actor, query.data);
  if (!result.ok) {
    const error = describe(t, result.error ?? { key: "api.errors.notFound" });
    return apiError(404, error.code, error.message);
  }
  return json(result.value);
});
