/**
 * Correction request states (SPEC §4.4):
 *   submitted → college_confirmed → approved | rejected                         (route "school")
 *   submitted → provincial_pending → provincial_approved | provincial_rejected  (route "provincial")
 *   submitted → college_rejected | withdrawn
 * "provincial" is the route of records already 学历注册 (graduationRegistered): the province decides and
 * the registrar records that decision by hand.
 */
export const CORRECTION_STATUSES = [
  "submitted",
  "college_confirmed",
  "college_rejected",
  "approved",
  "rejected",
  "withdrawn",
  "provincial_pending",
  "provincial_approved",
  "provincial_rejected",
] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

/** Requests still being handled: at most one per record at a time. */
export const OPEN_STATUSES: readonly CorrectionStatus[] = [
  "submitted",
  "college_confirmed",
  "provincial_pending",
];
/** Waiting for the registrar (final review or the provincial decision). */
export const REGISTRAR_QUEUE_STATUSES: readonly CorrectionStatus[] = [
  "college_confirmed",
  "provincial_pending",
];
/** Ended with the record changed. */
export const APPLIED_STATUSES: readonly CorrectionStatus[] = ["approved", "provincial_approved"];

export function isOpenStatus(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

export type ItemDecision = "pending" | "accepted" | "rejected";
