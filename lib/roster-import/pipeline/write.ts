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

async function writeBatch(batch: readonly StagedOp[], context: WriteContext): Promise<void> {
  const { store, now } = context;
  const { inserts, updates, exams } = byKind(batch);
  if (inserts.length) await store.insertRecords(inserts, now);
  if (updates.length) {
    await store.updateRecords(updates, now);
    await store.insertHistory(historyRows(updates, context.staffId, now));
  }
  if (exams.length) await store.setExamNumbers(exams);
}

/**
 * The write stage: the staged operations in batches, inside the store's open transaction — inserts,
 * updates with their history, new 考生号. Returns how many operations it wrote.
 *
 * Two batches at a time: the next batch is read from the staging file and its statements built while the
 * one before is still in the database (on PostgreSQL they queue on the connection, in order), so the
 * database's work — mostly keeping the indexes — overlaps this process's instead of following it. A failure
 * waits for the other batch to settle before it is thrown, so the rollback finds no statement in flight.
 */
export async function writeOperations(ops: AsyncIterable<StagedOp>, context: WriteContext): Promise<number> {
  let written = 0;
  const inFlight: { done: Promise<void>; size: number }[] = [];
  const settleFirst = async () => {
    const first = inFlight.shift();
    if (!first) return;
    await first.done;
    written += first.size;
    await context.afterBatch?.(written);
  };
  try {
    for await (const batch of inBatches(ops, WRITE_BATCH)) {
      const done = writeBatch(batch, context);
      done.catch(() => undefined); // observed below, in order
      inFlight.push({ done, size: batch.length });
      if (inFlight.length > 1) await settleFirst();
    }
    while (inFlight.length) await settleFirst();
  } catch (error) {
    await Promise.allSettled(inFlight.map((w) => w.done));
    throw error;
  }
  return written;
}
