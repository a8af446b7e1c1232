import pg from "pg";
import { RECORD_COLUMN_NAMES, RECORD_COLUMNS, type RecordRow, type RecordSink } from "./record-rows";

const ARRAY_TYPE = {
  text: "text[]",
  boolean: "boolean[]",
  integer: "int4[]",
  timestamp: "timestamp(3)[]",
} as const;

type PgValue = string | number | boolean | null;

function toPg(value: RecordRow[keyof RecordRow]): PgValue {
  // Prisma stores DateTime as UTC in "timestamp without time zone"; an ISO string keeps it UTC whatever
  // the session time zone (pg would otherwise serialise a Date in local time).
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * Drops the table's plain (non-unique) indexes and returns their definitions, read from the catalogue so
 * they are rebuilt exactly as the migrations made them. Building an index once over 100,000 rows is about
 * three times cheaper than updating it row by row; inside the load's transaction, a failure restores them.
 */
async function dropPlainIndexes(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = '"EnrollmentRecord"'::regclass AND NOT i.indisunique AND NOT i.indisprimary`,
  );
  for (const { name } of rows) await client.query(`DROP INDEX "${name.replaceAll('"', '""')}"`);
  return rows.map((r) => r.definition);
}

/**
 * node-postgres directly, one transaction for the whole load. Each chunk is one INSERT … SELECT FROM
 * unnest($1::text[], …): one array parameter per column, so a 5,000-row chunk is a single round trip
 * with 29 parameters (no 65,535-parameter limit, no COPY dependency).
 */
export async function openPostgresRecordSink(url: string): Promise<RecordSink> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("BEGIN");
  let open = true;
  const indexes = await dropPlainIndexes(client);
  const columns = RECORD_COLUMN_NAMES.map((c) => `"${c}"`).join(", ");
  const unnest = RECORD_COLUMN_NAMES.map((c, i) => `$${i + 1}::${ARRAY_TYPE[RECORD_COLUMNS[c]]}`).join(", ");
  const sql = `INSERT INTO "EnrollmentRecord" (${columns}) SELECT * FROM unnest(${unnest})`;

  return {
    async write(rows) {
      if (rows.length === 0) return;
      const arrays = RECORD_COLUMN_NAMES.map((column) => rows.map((row) => toPg(row[column])));
      await client.query(sql, arrays);
    },
    async commit() {
      for (const definition of indexes) await client.query(definition);
      // Fresh statistics, so the first queries after a big load (benchmarks) get index plans.
      await client.query('ANALYZE "EnrollmentRecord"');
      await client.query("COMMIT");
      open = false;
    },
    async close() {
      if (open) await client.query("ROLLBACK").catch(() => undefined);
      await client.end();
    },
  };
}
