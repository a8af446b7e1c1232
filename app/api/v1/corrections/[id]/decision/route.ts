import { apiHandler, readJsonBody } from "@/lib/api/handler";
import { stageOf } from "@/lib/api/corrections";
import { statusOf } from "@/lib/core/failure-status";
import { describe, describeFields } from "@/lib/api/messages";
import { apiError, json, zodFieldErrors } from "@/lib/api/respond";
import { decisionBodySchema } from "@/lib/api/schemas";
import { collegeDecide, registrarDecide } from "@/lib/corrections/review";

/**
 * Decides a correction request item by item at the token's stage: college tokens do the first review,
 * registrar tokens the final one (which applies accepted items to the record). Same service as the pages.
 */
export const POST = apiHandler<{ id: string }>(
  { permission: ["correction.collegeReview", "correction.registrarReview"] },
  async (ctx) => {
    const body = await readJsonBody(ctx, 100_000);
    if (!body.ok) return body.response;
    const parsed = decisionBodySchema.safeParse(body.value);
    if (!parsed.success)
      return apiError(
        400,
        "api.errors.invalidBody",
        ctx.t("api.errors.invalidBody"),
        zodFieldErrors(parsed.error),
      );
    const stage = stageOf(ctx.actor);
    const input = { requestId: ctx.params.id, ...parsed.data };
    const result =
      stage === "registrar" ? await registrarDecide(ctx.actor, input) : await collegeDecide(ctx.actor, input);
    if (!result.ok) {
      const error = describe(ctx.t, result.error ?? { key: "api.errors.invalidBody" });
      return apiError(
        statusOf(result),
        error.code,
        error.message,
        result.fieldErrors ? describeFields(ctx.t, result.fieldErrors) : undefined,
      );
    }
    return json({ stage, ...result.value });
  },
);
