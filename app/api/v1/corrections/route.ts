import { apiHandler, readQuery } from "@/lib/api/handler";
import { stageOf } from "@/lib/api/corrections";
import { json } from "@/lib/api/respond";
import { correctionListQuerySchema } from "@/lib/api/schemas";
import { listQueue } from "@/lib/corrections/queries";

/** Correction requests in the token's college scope, for its review stage; see docs/api.md. */
export const GET = apiHandler(
  { permission: ["correction.collegeReview", "correction.registrarReview"] },
  async (ctx) => {
    const query = readQuery(ctx, correctionListQuerySchema);
    if (!query.ok) return query.response;
    const stage = stageOf(ctx.actor);
    const { rows, total, page, pages } = await listQueue(ctx.actor, stage, query.value);
    return json({
      stage,
      page,
      pages,
      total,
      corrections: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    });
  },
);
