import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { fail, ok, type Result } from "@/lib/core/result";
import { decrypt, blindIndex } from "@/lib/security/crypto";
import { maskIdNumber } from "@/lib/identity/id-number";
import { audit } from "@/lib/security/audit";
import { matchAccounts, prismaAccountLookup } from "./account-match";
import { ID_TYPE_NAME, type RosterField } from "./columns";
import type { IdType } from "@/lib/identity/id-number";
import { refreshProgress } from "@/lib/progress/summary";

/** What a conflict issue stores (ImportRowIssue.message): the record, both values and the file's value. */
export type ConflictDetail = {
  key: "conflict";
  recordId: string;
  before: string;
  after: string;
  /** storage value of the file's side (encrypted for 证件号码) */
  value: string;
  decision?: "keep" | "take";
  decidedAt?: string;
  decidedBy?: string;
};

export function parseConflict(message: string): ConflictDetail | null {
  try {
    const value = JSON.parse(message) as Partial<ConflictDetail>;
    return value.key === "conflict" && typeof value.recordId === "string" ? (value as ConflictDetail) : null;
  } catch {
    return null;
  }
}

const TEXT_COLUMNS: Partial<Record<RosterField, string>> = {
  name: "name",
  gender: "gender",
  birthDate: "birthDate",
  ethnicity: "ethnicity",
  idType: "idType",
  level: "level",
  duration: "duration",
  educationCategory: "educationCategory",
  studyMode: "studyMode",
  department: "department",
  enrolledOn: "enrolledOn",
  expectedGraduationOn: "expectedGraduationOn",
  status: "status",
};

/**
 * The registrar's decision on one held field: "keep" leaves the record (with its approved correction)
 * as it is; "take" writes the file's value — only if the record still shows what the import saw, so a
 * decision on stale data cannot overwrite a newer change.
 */
export async function decideConflict(
  actor: Actor,
  input: { jobId: string; issueId: string; decision: "keep" | "take" },
): Promise<Result<{ decision: "keep" | "take" }>> {
  assertCan(actor, "roster.import");
  const issue = await db.importRowIssue.findFirst({
    where: { id: input.issueId, jobId: input.jobId, severity: "conflict" },
  });
  const detail = issue ? parseConflict(issue.message) : null;
  if (!issue || !detail || !issue.field) return fail("import.errors.notFound");
  if (detail.decision) return fail("import.conflicts.alreadyDecided");
  const field = issue.field as RosterField;
  const decidedBy = actor.kind === "staff" ? actor.username : "api";
  const decided: ConflictDetail = {
    ...detail,
    decision: input.decision,
    decidedAt: new Date().toISOString(),
    decidedBy,
  };

  if (input.decision === "keep") {
    await db.$transaction(async (tx) => {
      await tx.importRowIssue.update({ where: { id: issue.id }, data: { message: JSON.stringify(decided) } });
      await audit(tx, actor, {
        action: "roster.conflict.keep",
        targetType: "EnrollmentRecord",
        targetId: detail.recordId,
        after: { field },
      });
    });
    return ok({ decision: "keep" });
  }

  const record = await db.enrollmentRecord.findUnique({
    where: { id: detail.recordId },
    include: { college: true, major: true, classGroup: true },
  });
  if (!record) return fail("import.errors.notFound");
  const shown: Record<string, string> = {
    ...Object.fromEntries(
      Object.entries(TEXT_COLUMNS).map(([f, c]) => [f, String(record[c as keyof typeof record])]),
    ),
    idType: ID_TYPE_NAME[record.idType as IdType] ?? record.idType,
    idNumber: record.idMasked,
    college: record.college.name,
    major: record.major.name,
    classGroup: record.classGroup.name,
  };
  if (shown[field] !== detail.before) return fail("import.conflicts.stale");

  const data: Record<string, string | null> = {};
  if (field === "idNumber") {
    const id = decrypt(detail.value);
    Object.assign(data, {
      idNumberEnc: detail.value,
      idNumberIndex: blindIndex(id),
      idMasked: maskIdNumber(id),
    });
  } else if (field === "college" || field === "major" || field === "classGroup") {
    const unit = await resolveUnit(field, detail.value, record.collegeId);
    if (!unit) return fail("import.conflicts.unitMissing");
    Object.assign(data, unit);
  } else if (TEXT_COLUMNS[field]) {
    data[TEXT_COLUMNS[field] as string] = detail.value;
    if (field === "enrolledOn") data.cohort = detail.value.slice(0, 4);
  } else {
    return fail("import.errors.notFound");
  }
  if (field === "name" || field === "idNumber") {
    const name = field === "name" ? detail.value : record.name;
    const idIndex = (data.idNumberIndex as string | undefined) ?? record.idNumberIndex;
    const match = await matchAccounts(prismaAccountLookup, [
      { key: "r", name, idIndex, recordId: record.id, currentAccountId: record.accountId },
    ]);
    data.accountId = match.get("r") ?? null;
  }

  const done = await db.$transaction(async (tx) => {
    const updated = await tx.enrollmentRecord.updateMany({
      where: { id: record.id, version: record.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count !== 1) return false;
    // the record may have moved class, level, cohort or account: count it where it was and where it is
    await refreshProgress([record.classGroupId, data.classGroupId ?? record.classGroupId], { tx });
    await tx.recordHistory.create({
      data: {
        recordId: record.id,
        field,
        beforeValue: detail.before,
        afterValue: detail.after,
        source: "import",
        changedByStaffId: actor.kind === "staff" ? actor.staffUserId : null,
        recordVersion: record.version + 1,
      },
    });
    await tx.importRowIssue.update({ where: { id: issue.id }, data: { message: JSON.stringify(decided) } });
    await audit(tx, actor, {
      action: "roster.conflict.take",
      targetType: "EnrollmentRecord",
      targetId: record.id,
      before: { [field]: detail.before },
      after: { [field]: detail.after },
    });
    return true;
  });
  return done ? ok({ decision: "take" }) : fail("import.conflicts.stale");
}

async function resolveUnit(field: "college" | "major" | "classGroup", name: string, collegeId: string) {
  if (field === "college") {
    const college = await db.college.findUnique({ where: { name } });
    return college ? { collegeId: college.id } : null;
  }
  if (field === "major") {
    const major = await db.major.findUnique({ where: { collegeId_name: { collegeId, name } } });
    return major ? { majorId: major.id } : null;
  }
  const group = await db.classGroup.findUnique({ where: { collegeId_name: { collegeId, name } } });
  return group ? { classGroupId: group.id } : null;
}
