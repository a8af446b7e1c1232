import type { Message } from "@/lib/core/result";

/** Why a download was refused, as the short code /account?export=… shows (never anything personal). */
export const EXPORT_FAILURES = ["wrongPassword", "locked", "tooMany"] as const;
export type ExportFailure = (typeof EXPORT_FAILURES)[number];

export function exportFailureCode(result: {
  error?: Message;
  fieldErrors?: Record<string, Message>;
}): ExportFailure {
  if (result.error?.key === "signIn.locked") return "locked";
  if (result.error?.key === "privacy.export.tooMany") return "tooMany";
  return "wrongPassword";
}

export function parseExportFailure(value: string | undefined): ExportFailure | null {
  return (EXPORT_FAILURES as readonly string[]).includes(value ?? "") ? (value as ExportFailure) : null;
}
