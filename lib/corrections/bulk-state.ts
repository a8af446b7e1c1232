import type { FormState } from "@/lib/core/form-state";
import type { BulkOutcome } from "./review";

/** What a bulk decision shows: how many were decided, and each skipped request with its reason. */
export type BulkResult = { decided: number; skipped: { id: string; reason: string }[] };
export type BulkState = FormState<BulkResult>;
export type BulkAction = (prev: BulkState, formData: FormData) => Promise<BulkState>;

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** A bulk decision's outcome as form state, the reasons in the reader's language (`max`: the bulk limit). */
export function bulkState(t: Translate, outcome: BulkOutcome, max: number): BulkState {
  return {
    status: "success",
    data: {
      decided: outcome.decided.length,
      skipped: outcome.skipped.map((s) => ({ id: s.id, reason: t(s.key, { max, ...s.params }) })),
    },
  };
}
