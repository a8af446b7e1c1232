import { encrypt } from "@/lib/security/crypto";
import type { RosterField } from "../columns";
import type { FieldChange } from "../diff";
import type { RosterRow } from "../validate";
import type { InvalidRow } from "./check";
import type { RowDecision } from "./classify";
import type { MatchedRow } from "./match";
import type { PlanSummary } from "./summary";

/** One issue row of the per-row report (message = JSON of an i18n key and params, see report.ts). */
export type PlannedIssue = {
  rowNumber: number;
  studentNumber: string | null;
  severity: "error" | "conflict";
  field: string | null;
  message: string;
};

/** A student the import changes (ImportChange row): which fields, old → new as a person reads them. */
export type PlannedChange = {
  rowNumber: number;
  studentNumber: string;
  recordId: string | null;
  name: string;
  kind: "new" | "changed";
  fields: string;
};

/** Where the report goes, in batches (the preview writes ImportRowIssue / ImportChange rows). */
export type PlanSinks = {
  onIssues: (issues: PlannedIssue[]) => Promise<void>;
  onChanges?: (changes: PlannedChange[]) => Promise<void>;
};

/** New students listed in the preview (all are counted; the file itself lists them all). */
export const NEW_LISTED = 1000;
/** Report rows handed to a sink at once. */
const SINK_BATCH = 500;

/** Storage value a conflicting field would take ("take file" decision later). */
function proposedValue(field: RosterField, row: RosterRow): string {
  if (field === "idNumber") return encrypt(row.idNumber);
  return String(row[field as keyof RosterRow]);
}

function conflictIssue(m: MatchedRow & { record: { id: string } }, c: FieldChange): PlannedIssue {
  return {
    rowNumber: m.rowNumber,
    studentNumber: m.row.studentNumber,
    severity: "conflict",
    field: c.field,
    message: JSON.stringify({
      key: "conflict",
      recordId: m.record.id,
      before: c.before,
      after: c.after,
      value: proposedValue(c.field, m.row),
    }),
  };
}

/**
 * The planning pass's state, explicit: the counts, and the report rows not yet handed to the sinks (at most
 * a few hundred: the report never sits in memory whole).
 */
export class PlanAccumulator {
  private issues: PlannedIssue[] = [];
  private changes: PlannedChange[] = [];

  constructor(
    readonly summary: PlanSummary,
    private readonly sinks: PlanSinks,
  ) {}

  /** An error row: counted, each of its issues reported. */
  addInvalid(checked: InvalidRow): void {
    this.summary.totalRows++;
    this.summary.errorRows++;
    for (const issue of checked.issues)
      this.issues.push({
        rowNumber: checked.rowNumber,
        studentNumber: checked.studentNumber,
        severity: "error",
        field: issue.field,
        message: JSON.stringify({ key: issue.key, params: issue.params }),
      });
  }

  /** A valid row with its decision: counted, its conflicts reported, its change listed. */
  addDecided(m: MatchedRow, decision: RowDecision): void {
    const summary = this.summary;
    summary.totalRows++;
    if (decision.kind === "new") {
      summary.newRows++;
      if (summary.newRows <= NEW_LISTED) this.listChange(m, "new", "[]");
      return;
    }
    if (decision.kind === "unchanged" || !m.record) {
      summary.unchangedRows++;
      return;
    }
    const record = m.record;
    if (decision.conflicts.length > 0) {
      summary.conflictRows++;
      for (const c of decision.conflicts) this.issues.push(conflictIssue({ ...m, record }, c));
    }
    if (decision.kind === "update") {
      summary.changedRows++;
      this.listChange(m, "changed", JSON.stringify(decision.applied));
    }
  }

  private listChange(m: MatchedRow, kind: "new" | "changed", fields: string): void {
    this.changes.push({
      rowNumber: m.rowNumber,
      studentNumber: m.row.studentNumber,
      recordId: m.record?.id ?? null,
      name: m.record?.name ?? m.row.name,
      kind,
      fields,
    });
  }

  /** Hands full batches of report rows to the sinks; `all` hands over the rest too (end of the file). */
  async flush(all = false): Promise<void> {
    if (this.changes.length > 0 && (all || this.changes.length >= SINK_BATCH)) {
      const out = this.changes;
      this.changes = [];
      await this.sinks.onChanges?.(out);
    }
    if (this.issues.length === 0 || (!all && this.issues.length < SINK_BATCH)) return;
    const out = this.issues;
    this.issues = [];
    await this.sinks.onIssues(out);
  }
}
