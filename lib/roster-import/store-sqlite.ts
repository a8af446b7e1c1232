import "server-only";
import Database from "better-sqlite3";
import { sqliteFilePath } from "@/lib/db/provider";
import { UPDATE_COLUMNS, type RecordInsert } from "./ops";
import {
  ConcurrentChangeError,
  INSERT_COLUMNS,
  PROTECTED_SOURCES,
  q,
  RECORD_SELECT_COLUMNS,
  type RosterStore,
  type StoredRecord,
} from "./store";

type Value = string | number | null;
/** The format Prisma's better-sqlite3 adapter stores DateTime in. */
const ts = (d: Date) => d.toISOString().replace("Z", "+00:00");
const ROWS_PER_INSERT = 100;
const marks = (n: number) => Array(n).fill("?").join(", ");

/** better-sqlite3 on a connection of its own: prepared statements, synchronous and fast. */
export function openSqliteStore(url: string): RosterStore {
  const db = new Database(sqliteFilePath(url), { timeout: 15_000 });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");

  const recordColumns = [...INSERT_COLUMNS, "graduationRegistered", "version", "createdAt", "updatedAt"];
  const tuple = `(${marks(recordColumns.length)})`;
  const insertSql = (n: number) =>
    `INSERT INTO "EnrollmentRecord" (${recordColumns.map(q).join(", ")}) VALUES ${Array(n).fill(tuple).join(", ")}`;
  let fullInsert: Database.Statement | undefined;
  const recordValues = (row: RecordInsert, now: string): Value[] => [
    ...INSERT_COLUMNS.map((c) => row[c]),
    0,
    1,
    now,
    now,
  ];
  const all = <T>(sql: string, params: readonly Value[]) => db.prepare(sql).all(...params) as T[];

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

    async begin() {
      db.exec("BEGIN IMMEDIATE");
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
        const slice = rows.slice(i, i + ROWS_PER_INSERT);
        const values = slice.flatMap((row) => recordValues(row, at));
        (slice.length === ROWS_PER_INSERT && fullInsert
          ? fullInsert
          : db.prepare(insertSql(slice.length))
        ).run(values);
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
      db.close();
    },
  };
}
