import "server-only";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { databaseUrl, readRaw, providerOf } from "@/lib/db";

/**
 * A raw query's rows read as one JSON text built by the database. Prisma turns every row of a raw result
 * into an object value by value, which for a thousand rows of a few columns costs more than the query
 * itself (the whole school's counts by class: ~2,300 rows); the database's JSON functions build one array
 * of arrays and JSON.parse reads it at native speed.
 *
 * Columns are read by name from the query's result (text, numbers and NULL; not blobs or dates). The rows
 * come in the order the database produced them: sort them in code when order matters.
 */
export async function queryJsonRows<const C extends readonly string[]>(
  columns: C,
  query: Prisma.Sql,
): Promise<Record<C[number], unknown>[]> {
  const values = Prisma.raw(columns.map((c) => `t."${c.replaceAll('"', "")}"`).join(", "));
  const [row] =
    providerOf(databaseUrl()) === "postgresql"
      ? await readRaw<{ rows: string | null }[]>`
          SELECT json_agg(json_build_array(${values}))::text AS "rows" FROM (${query}) t`
      : await readRaw<{ rows: string | null }[]>`
          SELECT json_group_array(json_array(${values})) AS "rows" FROM (${query}) t`;
  const arrays = JSON.parse(row?.rows ?? "[]") as unknown[][];
  return arrays.map((values) => {
    const record = {} as Record<C[number], unknown>;
    columns.forEach((c: C[number], i) => (record[c] = values[i]));
    return record;
  });
}
