import Database from "better-sqlite3";
import { sqliteFilePath } from "../../lib/db/provider";
import { RECORD_COLUMN_NAMES, type RecordRow, type RecordSink } from "./record-rows";

type SqliteValue = string | number | null;

/** The format Prisma's better-sqlite3 adapter writes DateTime in (its default "iso8601"). */
export function sqliteTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

function toSqlite(value: RecordRow[keyof RecordRow]): SqliteValue {
  if (value instanceof Date) return sqliteTimestamp(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** Rows per INSERT: fewer statement executions, well under SQLite's 32,766 bound-parameter limit. */
const ROWS_PER_STATEMENT = 200;

/**
 * better-sqlite3 directly, one IMMEDIATE transaction for the whole load: prepared multi-row INSERTs are
 * far faster than Prisma's createMany, which the adapter splits at 999 parameters (~34 rows).
 */
export function openSqliteRecordSink(url: string): RecordSink {
  const db = new Database(sqliteFilePath(url), { timeout: 10_000 });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  const columns = RECORD_COLUMN_NAMES.map((c) => `"${c}"`).join(", ");
  const tuple = `(${RECORD_COLUMN_NAMES.map(() => "?").join(", ")})`;
  const insertSql = (rows: number) => `INSERT INTO "EnrollmentRecord" (${columns}) VALUES ${Array(rows).fill(tuple).join(", ")}`;
  const full = db.prepare(insertSql(ROWS_PER_STATEMENT));
  db.exec("BEGIN IMMEDIATE");

  const insert = (rows: readonly RecordRow[]) => {
    const values: SqliteValue[] = [];
    for (const row of rows) for (const column of RECORD_COLUMN_NAMES) values.push(toSqlite(row[column]));
    (rows.length === ROWS_PER_STATEMENT ? full : db.prepare(insertSql(rows.length))).run(values);
  };

  return {
    async write(rows) {
      for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) insert(rows.slice(i, i + ROWS_PER_STATEMENT));
    },
    async commit() {
      db.exec("COMMIT");
    },
    async close() {
      if (db.inTransaction) db.exec("ROLLBACK");
      db.close();
    },
  };
}
