import { apiHandler } from "@/lib/api/handler";
import { stageOf } from "@/lib/api/corrections";
import { apiError, json } from "@/lib/api/respond";
import { requestForStaff } from "@/lib/corrections/queries";

/** One correction request with its items (ID numbers masked); another college's → 404. */
export const GET = apiHandler<{ id: string }>(
  { permission: ["correction.collegeReview", "correction.registrarReview"] },
  async ({ actor, params, t }) => {
    const detail = await requestForStaff(actor, stageOf(actor), params.id);
    if (!detail) return apiError(404, "api.errors.notFound", t("api.errors.notFound"));
    return json({
      id: detail.id,
      status: detail.status,
      route: detail.route,
      lockVersion: detail.lockVersion,
      createdAt: detail.createdAt.toISOString(),
      collegeNote: detail.collegeNote,
      registrarNote: detail.registrarNote,
      record: detail.record,
      items: detail.items.map((i) => ({
        id: i.id,
        field: i.field,
        submitted: i.submitted,
        current: i.current,
        requested: i.requested,
        reason: i.reason,
        collegeDecision: i.collegeDecision,
        collegeReason: i.collegeReason,
        registrarDecision: i.registrarDecision,
        registrarReason: i.registrarReason,
      })),
    });
  },
);
