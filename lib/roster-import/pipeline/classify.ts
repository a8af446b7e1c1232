import type { MatchInput } from "../account-match";
import { HEADER_OF } from "../columns";
import type { FieldChange } from "../diff";
import type { MatchedRow } from "./match";

/**
 * What the import does with a valid row:
 * - new: no record has its 学号;
 * - unchanged: every shown field equals the record (a new 考生号 alone still gets stored);
 * - held: every changed field was changed by an approved correction — nothing applied, all conflicts;
 * - update: the changes not held are applied, the held ones (if any) listed as conflicts.
 */
export type RowDecision =
  | { kind: "new" }
  | { kind: "unchanged" }
  | { kind: "held"; conflicts: FieldChange[] }
  | { kind: "update"; applied: FieldChange[]; conflicts: FieldChange[] };

/** Pure: the decision for a matched row. */
export function classifyRow(m: MatchedRow): RowDecision {
  if (!m.record) return { kind: "new" };
  if (m.changes.length === 0) return { kind: "unchanged" };
  const conflicts = m.changes.filter((c) => m.held.has(c.field) || m.held.has(HEADER_OF[c.field]));
  if (conflicts.length === m.changes.length) return { kind: "held", conflicts };
  const applied = m.changes.filter((c) => !conflicts.includes(c));
  return { kind: "update", applied, conflicts };
}

/**
 * Pure: whom account matching (SPEC §4.1) must look at — a new record, or one whose 姓名 or 证件号码 the
 * import changes (with the values it will have); null when the link stays as it is.
 */
export function matchInputOf(m: MatchedRow, decision: RowDecision): MatchInput | null {
  const key = m.row.studentNumber;
  if (decision.kind === "new") return { key, name: m.row.name, idIndex: m.idIndex };
  if (decision.kind !== "update" || !m.record) return null;
  const takes = (field: string) => decision.applied.some((c) => c.field === field);
  if (!takes("name") && !takes("idNumber")) return null;
  return {
    key,
    name: takes("name") ? m.row.name : m.record.name,
    idIndex: takes("idNumber") ? m.idIndex : m.record.idNumberIndex,
    recordId: m.record.id,
    currentAccountId: m.record.accountId,
  };
}
