/** What a bulk confirmation answers: how many were decided, which were skipped and why (translated). */
export type BulkResult = { decided: number; skipped: { id: string; reason: string }[] };
