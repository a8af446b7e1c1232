import { apiHandler } from "@/lib/api/handler";
import { describe } from "@/lib/api/messages";
import { apiError, json } from "@/lib/api/respond";
import { studentNumberParamSchema, studentStatus } from "@/lib/api/student-status";

/** One student's self-check status by 学号, within the token's college scope; see docs/api.md. */
export const GET = apiHandler<{ studentNumber: string }>(
  { permission: "progress.viewCollege" },
  async (ctx) => {
    const number = studentNumberParamSchema.safeParse(ctx.params.studentNumber);
    if (!number.success) return apiError(404, "api.errors.notFound", ctx.t("api.errors.notFound"));
    const result = await studentStatus(ctx.actor, number.data);
    if (!result.ok) {
      const error = describe(ctx.t, result.error ?? { key: "api.errors.notFound" });
      return apiError(404, error.code, error.message);
    }
    return json(result.value);
  },
);
