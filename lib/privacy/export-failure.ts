import { kindOf, type Failure } from "@/lib/core/result";

/** Why a download was refused, as the short code /account?export=… shows (never anything personal). */
export const EXPORT_FAILURES = ["wrongPassword", "locked", "tooMany"] as const;
export type ExportFailure = (typeof EXPORT_FAILURES)[number];

/**
 * prepareDataExport refuses in three ways: the daily limit (rate-limited), a wrong password (at the
 * password field), or the account locked after too many wrong ones (a message, no field).
 */
export function exportFailureCode(result: Failure): ExportFailure {
  if (kindOf(result) === "rateLimited") return "tooMany";
  if (result.fieldErrors || !result.error) return "wrongPassword";
  return "locked";
}

export function parseExportFailure(value: string | undefined): ExportFailure | null {
  return (EXPORT_FAILURES as readonly string[]).includes(value ?? "") ? (value as ExportFailure) : null;
}
