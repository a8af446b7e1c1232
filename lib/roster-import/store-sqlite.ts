import "server-only";
import Database from "better-sqlite3";
import { sqliteFilePath } from "@/lib/db/provider";
import { UPDATE_COLUMNS } from "./record-columns";
import {
  ConcurrentChangeError,
  INSERT_COLUMNS,
  PROTECTED_SOURCES,
  q,
  RECORD_SELECT_COLUMNS,
  type RosterStore,
  type StoredRecord,
} from "./store-contract";

type Value = string | number | null;
/** The format Prisma's better-sqlite3 adapter stores DateTime in. */
const ts = (d: Date) => d.toISOString().replace("Z", "+00:00");
const ROWS_PER_INSERT = 100;
/** from this many inserts on, a write pass into a table no larger than that rebuilds its indexes */
const BULK_INSERTS = 10_000;
const marks = (n: number) => Array(n).fill("?").join(", ");

/** better-sqlite3 on a connection of its own: prepared statements, synchronous and fast. */
export function openSqliteStore(url: string): RosterStore {
  const db = new Database(sqliteFilePath(url), { timeout: 15_000 });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  // The write pass inserts 100,000 rows into a table with eight indexes, most on random keys (cuid ids,
  // blind indexes): with SQLite's default 2 MB page cache nearly every index insert misses, and dirty
  // pages spill to the WAL mid-transaction. 16 MB (allocated only as used) holds the hot index pages now that
  // new ids sort in insertion order (ids.ts); more buys no speed and only adds to the peak memory.
  db.pragma("cache_size = -16384");

  const recordColumns = [...INSERT_COLUMNS, "graduationRegistered", "version", "createdAt", "updatedAt"];
  const tuple = `(${marks(recordColumns.length)})`;
  const insertSql = (n: number) =>
    `INSERT INTO "EnrollmentRecord" (${recordColumns.map(q).join(", ")}) VALUES ${Array(n).fill(tuple).join(", ")}`;
  let fullInsert: Database.Statement | undefined;
  let rebuild: { name: string; sql: string }[] = [];
  // Statements are compiled once per SQL text: a lookup of 1,000 学号 is a 1,000-placeholder statement
  // that would otherwise be parsed again for every batch.
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size > 64) statements.clear();
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const all = <T>(sql: string, params: readonly Value[]) => prepared(sql).all(...params) as T[];

  return {
    async orgSnapshot() {
      return {
        colleges: all(`SELECT "id", "code", "name" FROM "College"`, []),
        majors: all(`SELECT "id", "collegeId", "name" FROM "Major"`, []),
        classGroups: all(`SELECT "id", "collegeId", "majorId", "name" FROM "ClassGroup"`, []),
      };
    },
    async recordsByStudentNumber(numbers) {
      if (numbers.length === 0) return [];
      return all<StoredRecord>(
        `SELECT ${RECORD_SELECT_COLUMNS.map(q).join(", ")} FROM "EnrollmentRecord" WHERE "studentNumber" IN (${marks(numbers.length)})`,
        numbers,
      );
    },
    async protectedFields(ids) {
      if (ids.length === 0) return [];
      return all(
        `SELECT DISTINCT "recordId", "field" FROM "RecordHistory" WHERE "source" IN (${marks(PROTECTED_SOURCES.length)}) AND "recordId" IN (${marks(ids.length)})`,
        [...PROTECTED_SOURCES, ...ids],
      );
    },
    async verifiedAccounts(indexes) {
      if (indexes.length === 0) return [];
      return all(
        `SELECT "id", "name", "verifiedIdIndex" FROM "Account" WHERE "verifiedIdIndex" IN (${marks(indexes.length)})`,
        indexes,
      );
    },
    async approvedBindings(ids) {
      if (ids.length === 0) return [];
      return all(
        `SELECT "recordId", "accountId" FROM "RecordBindingRequest" WHERE "status" = 'approved' AND "recordId" IN (${marks(ids.length)})`,
        ids,
      );
    },

    async begin(options = {}) {
      db.exec("BEGIN IMMEDIATE");
      fullInsert = db.prepare(insertSql(ROWS_PER_INSERT));
      const inserts = options.inserts ?? 0;
      if (inserts < BULK_INSERTS) return;
      const { n } = db.prepare(`SELECT COUNT(*) AS n FROM "EnrollmentRecord"`).get() as { n: number };
      if (inserts < n) return;
      // Bulk load into a table the import at least doubles: the non-unique indexes on random keys (blind
      // index, name, …) are dropped and built again from sorted data before COMMIT — several times faster
      // than 100,000 scattered index inserts. All inside the transaction: other connections keep reading
      // the committed table with its indexes (WAL), and a rollback restores them. Unique indexes stay, so
      // duplicates still fail at once.
      rebuild = db
        .prepare(
          `SELECT "name", "sql" FROM "sqlite_master" WHERE "type" = 'index' AND "tbl_name" = 'EnrollmentRecord' AND "sql" IS NOT NULL`,
        )
        .all() as { name: string; sql: string }[];
      rebuild = rebuild.filter((index) => !/^\s*CREATE\s+UNIQUE\b/i.test(index.sql));
      for (const index of rebuild) db.exec(`DROP INDEX ${q(index.name)}`);
      fullInsert = db.prepare(insertSql(ROWS_PER_INSERT));
    },
    async insertUnits(units, now) {
      const at = ts(now);
      const college = db.prepare(
        `INSERT INTO "College" ("id", "code", "name", "createdAt") VALUES (?, ?, ?, ?)`,
      );
      const major = db.prepare(
        `INSERT INTO "Major" ("id", "collegeId", "name", "createdAt") VALUES (?, ?, ?, ?)`,
      );
      const group = db.prepare(
        `INSERT INTO "ClassGroup" ("id", "collegeId", "majorId", "name", "createdAt") VALUES (?, ?, ?, ?, ?)`,
      );
      for (const c of units.colleges) college.run(c.id, c.code, c.name, at);
      for (const m of units.majors) major.run(m.id, m.collegeId, m.name, at);
      for (const g of units.classGroups) group.run(g.id, g.collegeId, g.majorId, g.name, at);
    },
    async insertRecords(rows, now) {
      const at = ts(now);
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        const end = Math.min(rows.length, i + ROWS_PER_INSERT);
        const values: Value[] = [];
        for (let r = i; r < end; r++) {
          const row = rows[r];
          for (const c of INSERT_COLUMNS) values.push(row[c]);
          values.push(0, 1, at, at);
        }
        (end - i === ROWS_PER_INSERT && fullInsert ? fullInsert : db.prepare(insertSql(end - i))).run(values);
      }
    },
    async updateRecords(rows, now) {
      const at = ts(now);
      const update = db.prepare(
        `UPDATE "EnrollmentRecord" SET ${UPDATE_COLUMNS.map((c) => `${q(c)} = ?`).join(", ")}, "version" = "version" + 1, "updatedAt" = ? WHERE "id" = ? AND "version" = ?`,
      );
      for (const row of rows) {
        const info = update.run(...UPDATE_COLUMNS.map((c) => row.values[c]), at, row.id, row.expectedVersion);
        if (info.changes !== 1) throw new ConcurrentChangeError();
      }
    },
    async setExamNumbers(rows) {
      const update = db.prepare(`UPDATE "EnrollmentRecord" SET "examNumberIndex" = ? WHERE "id" = ?`);
      for (const row of rows) update.run(row.examNumberIndex, row.id);
    },
    async insertHistory(rows) {
      const history = db.prepare(
        `INSERT INTO "RecordHistory" ("id", "recordId", "field", "beforeValue", "afterValue", "source", "changedByStaffId", "recordVersion", "changedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const h of rows)
        history.run(
          h.id,
          h.recordId,
          h.field,
          h.beforeValue,
          h.afterValue,
          h.source,
          h.changedByStaffId,
          h.recordVersion,
          ts(h.changedAt),
        );
    },
    async finish(job, audit) {
      for (const index of rebuild) db.exec(index.sql);
      rebuild = [];
      db.prepare(
        `UPDATE "ImportJob" SET "status" = ?, "totalRows" = ?, "processedRows" = ?, "newRows" = ?, "changedRows" = ?, "unchangedRows" = ?, "errorRows" = ?, "conflictRows" = ?, "summary" = ?, "finishedAt" = ? WHERE "id" = ?`,
      ).run(
        job.status,
        job.totalRows,
        job.processedRows,
        job.newRows,
        job.changedRows,
        job.unchangedRows,
        job.errorRows,
        job.conflictRows,
        job.summary,
        ts(job.finishedAt),
        job.id,
      );
      db.prepare(
        `INSERT INTO "AuditLog" ("id", "actorType", "actorId", "actorLabel", "action", "targetType", "targetId", "after", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        audit.id,
        audit.actorType,
        audit.actorId,
        audit.actorLabel,
        audit.action,
        audit.targetType,
        audit.targetId,
        audit.after,
        ts(audit.createdAt),
      );
      db.exec("COMMIT");
    },
    async close() {
      if (!db.open) return;
      if (db.inTransaction) db.exec("ROLLBACK");
      rebuild = [];
      db.close();
    },
  };
}
