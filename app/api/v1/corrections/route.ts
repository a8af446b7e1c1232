import { apiHandler } from "@/lib/api/handler";
import { stageOf } from "@/lib/api/corrections";
import { apiError, json, zodFieldErrors } from "@/lib/api/respond";
import { correctionListQuerySchema } from "@/lib/api/schemas";
import { listQueue } from "@/lib/corrections/queries";

/** Correction requests in the token's college scope, for its review stage; see docs/api.md. */
export const GET = apiHandler(
  { permission: ["correction.collegeReview", "correction.registrarReview"] },
  async ({ request, actor, t }) => {
    const query = correctionListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success)
      return apiError(
        400,
        "api.errors.invalidQuery",
        t("api.errors.invalidQuery"),
        zodFieldErrors(query.error),
      );
    const stage = stageOf(actor);
    const { rows, total, page, pages } = await listQueue(actor, stage, query.data);
    return json({
      stage,
      page,
      pages,
      total,
      corrections: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    });
  },
);
