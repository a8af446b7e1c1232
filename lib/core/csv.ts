/**
 * One CSV cell, the one way the portal writes CSV. For a file a person opens in a spreadsheet, a value
 * starting with = + - @ tab or CR gets a leading ' so it is never run as a formula (CSV injection); a file
 * the portal reads back itself keeps its values (`formulas: "keep"`). Quoted when it holds a quote, comma
 * or line break, or starts or ends with white space (or always, with `quote: "always"`).
 */
export function csvCell(
  value: string | number | null | undefined,
  options: { formulas?: "defuse" | "keep"; quote?: "always" | "needed" } = {},
): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (options.formulas !== "keep" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  const needsQuotes = /[",\r\n]/.test(text) || /^\s|\s$/.test(text);
  return options.quote === "always" || needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV line of cells (without the line break). */
export const csvLine = (
  values: readonly (string | number | null | undefined)[],
  options?: Parameters<typeof csvCell>[1],
): string => values.map((v) => csvCell(v, options)).join(",");
