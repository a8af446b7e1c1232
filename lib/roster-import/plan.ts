import "server-only";
import { matchAccounts } from "./account-match";
import type { StagingWriter, StagedOp } from "./ops";
import { OrgResolver } from "./org";
import { readRosterRows, RosterFileError, type RosterFormat, type SheetRow } from "./read-file";
import type { RosterStore } from "./store";
import { PlanAccumulator, type PlanSinks } from "./pipeline/accumulator";
import { inBatches } from "./pipeline/batches";
import { checkRows, splitHeader, type CheckedRow, type ValidRow } from "./pipeline/check";
import { classifyRow, matchInputOf, type RowDecision } from "./pipeline/classify";
import { matchBatch, type MatchedRow } from "./pipeline/match";
import { operationFor } from "./pipeline/operations";
import { emptyPlanSummary, type PlanSummary } from "./pipeline/summary";

export { NEW_LISTED, type PlannedChange, type PlannedIssue } from "./pipeline/accumulator";
export type { PlanSummary } from "./pipeline/summary";

export type PlanResult =
  | { ok: true; summary: PlanSummary }
  | { ok: false; error: { key: string; params?: Record<string, string | number> } };

/** Where the rows come from: a stored file, or rows handed over directly (the API's records). */
export type RosterSource = { filePath: string; format: RosterFormat } | { rows: AsyncIterable<SheetRow> };

export type PlanOptions = RosterSource &
  PlanSinks & {
    store: RosterStore;
    schoolName: string;
    /** commit mode: decided operations go to this staging file */
    staging?: StagingWriter;
    onProgress?: (processedRows: number) => Promise<void>;
    today?: Date;
    batchSize?: number;
  };

/** Rows planned per batch: one lookup of their 学号, one of held fields, one of accounts. */
export const PLAN_BATCH = 500;

export const rowsOf = (source: RosterSource): AsyncIterable<SheetRow> =>
  "rows" in source ? source.rows : readRosterRows(source.filePath, source.format);

type BatchContext = { store: RosterStore; org: OrgResolver; plan: PlanAccumulator; options: PlanOptions };

/** Stages the writes of a batch's decided rows, with their account links. */
async function stageBatch(
  decided: readonly { m: MatchedRow; decision: RowDecision }[],
  { store, options }: BatchContext,
  staging: StagingWriter,
): Promise<void> {
  const inputs = decided.flatMap(({ m, decision }) => matchInputOf(m, decision) ?? []);
  const matches = await matchAccounts(store, inputs);
  const ops: StagedOp[] = [];
  for (const { m, decision } of decided) {
    const op = operationFor(m, decision, options.schoolName, matches);
    if (op) ops.push(op);
  }
  // one write per batch: a write (and a possible wait for the stream to drain) per row cost more than the JSON
  await staging.writeAll(ops);
}

/** One batch through matching and classification into the plan (and the staging file in commit mode). */
async function planBatch(batch: readonly CheckedRow[], context: BatchContext): Promise<void> {
  const valid: ValidRow[] = [];
  for (const checked of batch) {
    if (checked.ok) valid.push(checked);
    else context.plan.addInvalid(checked);
  }
  const matched = await matchBatch(context.store, context.org, valid);
  const decided = matched.map((m) => ({ m, decision: classifyRow(m) }));
  for (const { m, decision } of decided) context.plan.addDecided(m, decision);
  if (context.options.staging) await stageBatch(decided, context, context.options.staging);
}

/**
 * The planning pass, shared by preview (dry run) and commit: rows → header and validation → batches →
 * matching against the stored records → classification new / changed / unchanged / error / conflict → the
 * plan's counts and report, and in commit mode the staged writes. Only reads the database (plus the report
 * rows through the sinks).
 */
export async function planRoster(options: PlanOptions): Promise<PlanResult> {
  const { store } = options;
  try {
    const org = new OrgResolver(await store.orgSnapshot());
    const split = await splitHeader(rowsOf(options));
    if (!split) return { ok: false, error: { key: "emptyFile" } };
    const plan = new PlanAccumulator(emptyPlanSummary(org.created, split.header.ignoredColumns), options);
    const context: BatchContext = { store, org, plan, options };
    const checked = checkRows(split.data, split.header, options.today ?? new Date());
    for await (const batch of inBatches(checked, options.batchSize ?? PLAN_BATCH)) {
      await planBatch(batch, context);
      await options.onProgress?.(plan.summary.totalRows);
      await plan.flush();
    }
    await plan.flush(true);
    return { ok: true, summary: plan.summary };
  } catch (error) {
    if (error instanceof RosterFileError)
      return { ok: false, error: { key: error.key, params: error.params } };
    throw error;
  }
}
