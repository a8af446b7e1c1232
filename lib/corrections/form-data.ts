import "server-only";
import type { StudentActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { RecordValues } from "@/lib/records/fields";
import { recordForAccount } from "@/lib/records/matching";
import { openCampaignForRecord } from "@/lib/records/self-check";
import { recordValues } from "@/lib/records/view";
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
  /** names offered as suggestions for the organisation fields (the registrar's canonical spelling) */
  options: { colleges: string[]; majors: string[]; classGroups: string[] };
};

/** What the 信息有误 form needs, for the student's own record only (someone else's id → null). */
export async function loadCorrectionForm(
  actor: StudentActor,
  recordId?: string,
): Promise<CorrectionFormData | null> {
  const record = await recordForAccount(actor, recordId);
  if (!record) return null;
  const [open, campaign, colleges, majors, classGroups] = await Promise.all([
    db.correctionRequest.findFirst({
      where: { recordId: record.id, status: { in: [...OPEN_STATUSES] } },
      select: { id: true },
    }),
    openCampaignForRecord(record),
    db.college.findMany({ select: { name: true }, orderBy: { code: "asc" }, take: 200 }),
    db.major.findMany({
      where: { collegeId: record.collegeId },
      select: { name: true },
      orderBy: { name: "asc" },
      take: 200,
    }),
    db.classGroup.findMany({
      where: { collegeId: record.collegeId },
      select: { name: true },
      orderBy: { name: "asc" },
      take: 500,
    }),
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
    options: {
      colleges: colleges.map((c) => c.name),
      majors: majors.map((m) => m.name),
      classGroups: classGroups.map((g) => g.name),
    },
  };
}
