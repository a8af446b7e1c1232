import "server-only";
import type { StudentActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { RecordValues } from "@/lib/records/fields";
import { recordForAccount } from "@/lib/records/matching";
import { openCampaignForRecord } from "@/lib/records/self-check";
import { recordValues } from "@/lib/records/view";
import { placementOptions, type PlacementOptions } from "./placement";
import { OPEN_STATUSES } from "./status";

export type CorrectionFormData = {
  record: {
    id: string;
    collegeId: string;
    version: number;
    values: RecordValues;
    graduationRegistered: boolean;
  };
  openRequestId: string | null;
  campaignOpen: boolean;
  /** the organisation units 分院 / 专业 / 班级 are chosen from */
  options: PlacementOptions;
};

/** What the 信息有误 form needs, for the student's own record only (someone else's id → null). */
export async function loadCorrectionForm(
  actor: StudentActor,
  recordId?: string,
): Promise<CorrectionFormData | null> {
  const record = await recordForAccount(actor, recordId);
  if (!record) return null;
  const [open, campaign, options] = await Promise.all([
    db.correctionRequest.findFirst({
      where: { recordId: record.id, status: { in: [...OPEN_STATUSES] } },
      select: { id: true },
    }),
    openCampaignForRecord(record),
    placementOptions(record.collegeId),
  ]);
  return {
    record: {
      id: record.id,
      collegeId: record.collegeId,
      version: record.version,
      values: recordValues(record),
      graduationRegistered: record.graduationRegistered,
    },
    openRequestId: open?.id ?? null,
    campaignOpen: campaign !== null,
    options,
  };
}
