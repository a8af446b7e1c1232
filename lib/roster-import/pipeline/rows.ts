import { ROSTER_COLUMNS, ROSTER_HEADERS } from "../columns";
import type { SheetRow } from "../read-file";

/**
 * Records given field by field (the API's JSON) as the rows of a roster: the header, then one row per
 * record from row 2 on, values as sent (validation is the pipeline's). Iterable more than once.
 */
export function rowsOfRecords(records: readonly Readonly<Record<string, string>>[]): AsyncIterable<SheetRow> {
  return {
    async *[Symbol.asyncIterator]() {
      yield { rowNumber: 1, cells: [...ROSTER_HEADERS] };
      let rowNumber = 2;
      for (const record of records)
        yield { rowNumber: rowNumber++, cells: ROSTER_COLUMNS.map((c) => record[c.key] ?? "") };
    },
  };
}
