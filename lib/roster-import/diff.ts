import { maskIdNumber } from "@/lib/identity/id-number";
import { ID_TYPE_NAME, type RosterField } from "./columns";
import type { RosterRow } from "./validate";
import type { IdType } from "@/lib/identity/id-number";
import type { ExistingRecord } from "./record-columns";

export type { ExistingRecord } from "./record-columns";

export type Placement = { collegeId: string; majorId: string; classGroupId: string };
/** A changed shown field; before/after are what a person reads (unit names, masked ID numbers). */
export type FieldChange = { field: RosterField; before: string; after: string };
type Names = {
  college: (id: string) => string;
  major: (id: string) => string;
  classGroup: (id: string) => string;
};

const TEXT_FIELDS = [
  "name",
  "gender",
  "birthDate",
  "ethnicity",
  "level",
  "duration",
  "educationCategory",
  "studyMode",
  "department",
  "enrolledOn",
  "expectedGraduationOn",
  "status",
] as const satisfies readonly (keyof RosterRow & keyof ExistingRecord & RosterField)[];

const idTypeName = (code: string) => ID_TYPE_NAME[code as IdType] ?? code;

/** Shown fields whose file value differs from the record (ID numbers compared by blind index). */
export function diffRecord(
  existing: ExistingRecord,
  row: RosterRow,
  placement: Placement,
  idIndex: string,
  names: Names,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of TEXT_FIELDS) {
    if (existing[field] !== row[field]) changes.push({ field, before: existing[field], after: row[field] });
  }
  if (existing.idType !== row.idType)
    changes.push({ field: "idType", before: idTypeName(existing.idType), after: idTypeName(row.idType) });
  if (existing.idNumberIndex !== idIndex)
    changes.push({ field: "idNumber", before: existing.idMasked, after: maskIdNumber(row.idNumber) });
  if (existing.collegeId !== placement.collegeId)
    changes.push({ field: "college", before: names.college(existing.collegeId), after: row.college });
  if (existing.majorId !== placement.majorId)
    changes.push({ field: "major", before: names.major(existing.majorId), after: row.major });
  if (existing.classGroupId !== placement.classGroupId)
    changes.push({
      field: "classGroup",
      before: names.classGroup(existing.classGroupId),
      after: row.classGroup,
    });
  return changes;
}
