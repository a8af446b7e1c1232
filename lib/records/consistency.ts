import { factsFromIdNumber } from "@/lib/identity/id-number";

/** ID types whose number encodes birth date and gender (GB 11643 layout). */
const CODED_ID_TYPES = new Set(["resident_id", "hk_macao_residence", "taiwan_residence"]);

export type ConsistencyHint = { field: "birthDate" | "gender"; fromIdNumber: string };

/**
 * 出生日期 and 性别 that disagree with the ID number (SPEC §4.2): shown next to the field so the student
 * notices which of the two is wrong. Nothing is said for ID types that do not encode them.
 */
export function consistencyHints(record: {
  idType: string;
  idNumber: string;
  birthDate: string;
  gender: string;
}): ConsistencyHint[] {
  if (!CODED_ID_TYPES.has(record.idType)) return [];
  const facts = factsFromIdNumber(record.idNumber);
  if (!facts) return [];
  const hints: ConsistencyHint[] = [];
  if (facts.birthDate !== record.birthDate.trim())
    hints.push({ field: "birthDate", fromIdNumber: facts.birthDate });
  if (facts.gender !== record.gender.trim()) hints.push({ field: "gender", fromIdNumber: facts.gender });
  return hints;
}
