import { maskIdNumber } from "@/lib/identity/id-number";
import { csvCell } from "@/lib/core/csv";

// 18-digit resident ID numbers (check character X) and 15-digit old ones, not inside longer digit runs.
const ID_LIKE = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;

/**
 * Masks anything shaped like a resident ID number. Services already log masked values; this second line
 * of defence guarantees the audit page and its export never show one in clear.
 */
export function maskIdNumbersIn(text: string): string {
  return text.replace(ID_LIKE, (m) => maskIdNumber(m.toUpperCase()));
}

/** Pretty-printed JSON of a stored before/after value (masked), or the raw text when it is not JSON. */
export function readableJson(stored: string | null): string {
  if (stored === null || stored === "") return "";
  let text = stored;
  try {
    text = JSON.stringify(JSON.parse(stored), null, 2);
  } catch {
    // not JSON: show as stored
  }
  return maskIdNumbersIn(text);
}

/** One CSV cell of the audit export: always quoted, and defused when a spreadsheet would read it as a formula. */
export const auditCsvCell = (value: string | null | undefined): string => csvCell(value, { quote: "always" });
