import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { maskIdNumber } from "@/lib/identity/id-number";
import { PHOTO_FIELD, PHOTO_VALUE, type RecordField } from "@/lib/records/fields";
import { openValue, recordValues, recordWithOrg, sealValue } from "@/lib/records/view";
import { audit } from "@/lib/security/audit";
import { Refused } from "@/lib/core/refused";
import { PLACEMENT_FIELDS, resolvePlacement, type PlacementField } from "./placement";
import { sameValue } from "./values";
import { refreshProgress } from "@/lib/progress/summary";
import { sealIdNumber } from "@/lib/security/id-number-seal";

type Change = { field: RecordField; before: string; after: string };

/** Columns of EnrollmentRecord a plain field maps to (the rest are organisation links or the ID number). */
const COLUMN: Partial<Record<RecordField, keyof Prisma.EnrollmentRecordUncheckedUpdateManyInput>> = {
  name: "name",
  gender: "gender",
  birthDate: "birthDate",
  ethnicity: "ethnicity",
  level: "level",
  duration: "duration",
  educationCategory: "educationCategory",
  studyMode: "studyMode",
  department: "department",
  studentNumber: "studentNumber",
  enrolledOn: "enrolledOn",
  expectedGraduationOn: "expectedGraduationOn",
};

const masked = (field: RecordField, value: string) => (field === "idNumber" ? maskIdNumber(value) : value);

/**
 * Applies accepted items to the record inside the caller's transaction: version + 1 (guarded by the
 * version read here, so a concurrent change refuses instead of being overwritten), one RecordHistory row
 * per changed field with the value before and after (更改前的信息), and an audit entry. An item whose
 * value the record already holds changes nothing. Throws Refused on any conflict, rolling everything back.
 */
export async function applyItems(
  tx: Tx,
  actor: Actor,
  request: { id: string; recordId: string },
  items: readonly { field: string; requestedValue: string }[],
  source: "correction" | "provincial",
  now: Date,
  extra: {
    /** the new 录取照片 (already stored) when an admission-photo item is accepted */
    photo?: { key: string };
    /** placement units the registrar chose to create when missing (checked by the caller) */
    create?: ReadonlySet<PlacementField>;
  } = {},
): Promise<Change[]> {
  const { photo, create = new Set<PlacementField>() } = extra;
  const record = await tx.enrollmentRecord.findUnique({
    where: { id: request.recordId },
    include: recordWithOrg,
  });
  if (!record) throw new Refused("notFound", "corrections.errors.notFound");
  if (source === "correction" && record.graduationRegistered)
    throw new Refused("conflict", "corrections.errors.recordLocked");
  const current = recordValues(record);
  const changes = new Map<RecordField, Change>();
  for (const item of items) {
    if (item.field === PHOTO_FIELD) continue;
    const field = item.field as RecordField;
    const after = openValue(item.requestedValue);
    if (!sameValue(field, after, current[field]))
      changes.set(field, { field, before: current[field], after });
  }
  if (changes.size === 0 && !photo) return [];

  const after = Object.fromEntries(
    PLACEMENT_FIELDS.flatMap((f) => {
      const change = changes.get(f);
      return change ? [[f, change.after]] : [];
    }),
  ) as Partial<Record<PlacementField, string>>;
  const data: Prisma.EnrollmentRecordUncheckedUpdateManyInput = {
    ...(await resolvePlacement(tx, actor, record, after, create, request.id)),
  };
  if (photo) data.admissionPhotoKey = photo.key;
  for (const change of changes.values()) {
    const column = COLUMN[change.field];
    if (column) Object.assign(data, { [column]: change.after });
  }
  const id = changes.get("idNumber");
  if (id) Object.assign(data, sealIdNumber(id.after));
  const enrolled = changes.get("enrolledOn");
  if (enrolled) data.cohort = enrolled.after.slice(0, 4);
  const number = changes.get("studentNumber");
  if (number) {
    const taken = await tx.enrollmentRecord.findUnique({
      where: { studentNumber: number.after },
      select: { id: true },
    });
    if (taken && taken.id !== record.id)
      throw new Refused("conflict", "corrections.errors.studentNumberTaken", { value: number.after });
  }

  const version = record.version + 1;
  const { count } = await tx.enrollmentRecord.updateMany({
    where: { id: record.id, version: record.version },
    data: { ...data, version },
  });
  if (count !== 1) throw new Refused("conflict", "corrections.errors.recordChanged");
  // class, major, college, level or cohort may have changed: count the record where it was and where it is
  const moved = typeof data.classGroupId === "string" ? data.classGroupId : record.classGroupId;
  await refreshProgress([record.classGroupId, moved], { tx });
  const list = [...changes.values()];
  // the photo's history row names both files (the old one is kept: 更改前的信息)
  const photoRow = photo
    ? [
        {
          field: PHOTO_FIELD,
          before: PHOTO_VALUE.before(record.admissionPhotoKey ?? ""),
          after: PHOTO_VALUE.after(photo.key),
        },
      ]
    : [];
  await tx.recordHistory.createMany({
    data: [...list, ...photoRow].map((c) => ({
      recordId: record.id,
      field: c.field,
      beforeValue: sealValue(c.field, c.before),
      afterValue: sealValue(c.field, c.after),
      source,
      correctionRequestId: request.id,
      changedByStaffId: actor.kind === "staff" ? actor.staffUserId : null,
      recordVersion: version,
      changedAt: now,
    })),
  });
  await audit(tx, actor, {
    action: "record.update",
    targetType: "EnrollmentRecord",
    targetId: record.id,
    before: {
      ...Object.fromEntries(list.map((c) => [c.field, masked(c.field, c.before)])),
      ...(photo ? { admissionPhotoKey: record.admissionPhotoKey } : {}),
    },
    after: {
      ...Object.fromEntries(list.map((c) => [c.field, masked(c.field, c.after)])),
      ...(photo ? { admissionPhotoKey: photo.key } : {}),
      version,
      correctionRequestId: request.id,
    },
  });
  return list;
}
