import "server-only";
import { newId } from "../ids";
import type { ExamNumberUpdate, RecordInsert, RecordUpdate, StagedOp } from "../ops";
import type { HistoryInsert, RosterStore } from "../store";
import { inBatches } from "./batches";

/** Staged operations written per batch (smaller batches keep fewer rows and statement buffers alive at once). */
export const WRITE_BATCH = 500;

export type WriteContext = {
  store: RosterStore;
  now: Date;
  /** the staff member the history rows name (null for an API token) */
  staffId: string | null;
  /** called after each written batch inside the write transaction (tests use it to fail mid-way) */
  afterBatch?: (written: number) => void | Promise<void>;
};

/** Pure: the operations of a batch by kind, in their order. */
export function byKind(ops: readonly StagedOp[]) {
  const inserts: RecordInsert[] = [];
  const updates: RecordUpdate[] = [];
  const exams: ExamNumberUpdate[] = [];
  for (const op of ops) {
    if (op.op === "insert") inserts.push(op.row);
    else if (op.op === "update") updates.push(op.row);
    else exams.push(op.row);
  }
  return { inserts, updates, exams };
}

/** Pure: one RecordHistory row per applied field, at the version the update gives the record. */
export function historyRows(
  updates: readonly RecordUpdate[],
  staffId: string | null,
  now: Date,
): HistoryInsert[] {
  return updates.flatMap((u) =>
    u.history.map((h) => ({
      id: newId(),
      recordId: u.id,
      field: h.field,
      beforeValue: h.before,
      afterValue: h.after,
      source: "import",
      changedByStaffId: staffId,
      recordVersion: u.expectedVersion + 1,
      changedAt: now,
    })),
  );
}

/**
 * The write stage: the staged operations in batches, inside the store's open transaction — inserts,
 * updates with their history, new 考生号. Returns how many operations it wrote.
 */
export async function writeOperations(ops: AsyncIterable<StagedOp>, context: WriteContext): Promise<number> {
  const { store, now } = context;
  let written = 0;
  for await (const batch of inBatches(ops, WRITE_BATCH)) {
    const { inserts, updates, exams } = byKind(batch);
    if (inserts.length) await store.insertRecords(inserts, now);
    if (updates.length) {
      await store.updateRecords(updates, now);
      await store.insertHistory(historyRows(updates, context.staffId, now));
    }
    if (exams.length) await store.setExamNumbers(exams);
    written += batch.length;
    await context.afterBatch?.(written);
  }
  return written;
}
