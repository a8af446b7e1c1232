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
 * Drops the table's plain (non-unique) indexes and returns their CREATE statements, as the migrations wrote
 * them. One sorted build after the load beats updating six B-trees on every insert; inside the load's
 * transaction, a failure restores them.
 */
function dropPlainIndexes(db: Database.Database): string[] {
  const indexes = db
    .prepare<[], { name: string; sql: string }>(
      `SELECT name, sql FROM sqlite_master
        WHERE type = 'index' AND tbl_name = 'EnrollmentRecord' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'`,
    )
    .all();
  for (const { name } of indexes) db.exec(`DROP INDEX "${name.replaceAll('"', '""')}"`);
  return indexes.map((index) => index.sql);
}

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
  const insertSql = (rows: number) =>
    `INSERT INTO "EnrollmentRecord" (${columns}) VALUES ${Array(rows).fill(tuple).join(", ")}`;
  const full = db.prepare(insertSql(ROWS_PER_STATEMENT));
  db.exec("BEGIN IMMEDIATE");
  const indexes = dropPlainIndexes(db);

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
      for (const sql of indexes) db.exec(sql);
      db.exec("COMMIT");
    },
    async close() {
      if (db.inTransaction) db.exec("ROLLBACK");
      db.close();
    },
  };
}
