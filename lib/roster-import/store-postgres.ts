import "server-only";
import pg from "pg";
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

const ROWS_PER_STATEMENT = 5000;

/**
 * node-postgres on a connection of its own. Lookups use = ANY($1) (one array parameter); writes are one
 * statement per 5,000 rows over unnest()ed column arrays — one round trip each, no parameter-count limit,
 * no COPY dependency. Timestamps go as ISO strings (Prisma keeps UTC in "timestamp without time zone").
 */
export async function openPostgresStore(url: string): Promise<RosterStore> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let open = false;
  let closed = false;
  const rows = async <T>(sql: string, params: unknown[]) => (await client.query(sql, params)).rows as T[];

  const recordColumns = [...INSERT_COLUMNS];
  const insertSql = `INSERT INTO "EnrollmentRecord" (${recordColumns.map(q).join(", ")}, "graduationRegistered", "version", "createdAt", "updatedAt")
    SELECT *, false, 1, $${recordColumns.length + 1}::timestamp(3), $${recordColumns.length + 1}::timestamp(3)
    FROM unnest(${recordColumns.map((_, i) => `$${i + 1}::text[]`).join(", ")})`;
  const updateSql = `UPDATE "EnrollmentRecord" AS r SET ${UPDATE_COLUMNS.map((c) => `${q(c)} = u.${q(c)}`).join(", ")},
      "version" = r."version" + 1, "updatedAt" = $${UPDATE_COLUMNS.length + 3}::timestamp(3)
    FROM unnest($1::text[], $2::int4[], ${UPDATE_COLUMNS.map((_, i) => `$${i + 3}::text[]`).join(", ")})
      AS u("id", "expectedVersion", ${UPDATE_COLUMNS.map(q).join(", ")})
    WHERE r."id" = u."id" AND r."version" = u."expectedVersion"`;
  const historySql = `INSERT INTO "RecordHistory" ("id", "recordId", "field", "beforeValue", "afterValue", "source", "changedByStaffId", "recordVersion", "changedAt")
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int4[], $9::timestamp(3)[])`;

  return {
    async orgSnapshot() {
      // one after another: a pg.Client runs one query at a time anyway (and warns when given several)
      const colleges = await rows<{ id: string; code: string; name: string }>(
        `SELECT "id", "code", "name" FROM "College"`,
        [],
      );
      const majors = await rows<{ id: string; collegeId: string; name: string }>(
        `SELECT "id", "collegeId", "name" FROM "Major"`,
        [],
      );
      const classGroups = await rows<{ id: string; collegeId: string; majorId: string; name: string }>(
        `SELECT "id", "collegeId", "majorId", "name" FROM "ClassGroup"`,
        [],
      );
      return { colleges, majors, classGroups };
    },
    async recordsByStudentNumber(numbers) {
      if (numbers.length === 0) return [];
      return rows<StoredRecord>(
        `SELECT ${RECORD_SELECT_COLUMNS.map(q).join(", ")} FROM "EnrollmentRecord" WHERE "studentNumber" = ANY($1::text[])`,
        [numbers],
      );
    },
    async protectedFields(ids) {
      if (ids.length === 0) return [];
      return rows(
        `SELECT DISTINCT "recordId", "field" FROM "RecordHistory" WHERE "source" = ANY($1::text[]) AND "recordId" = ANY($2::text[])`,
        [[...PROTECTED_SOURCES], ids],
      );
    },
    async verifiedAccounts(indexes) {
      if (indexes.length === 0) return [];
      return rows(
        `SELECT "id", "name", "verifiedIdIndex" FROM "Account" WHERE "verifiedIdIndex" = ANY($1::text[])`,
        [indexes],
      );
    },
    async approvedBindings(ids) {
      if (ids.length === 0) return [];
      return rows(
        `SELECT "recordId", "accountId" FROM "RecordBindingRequest" WHERE "status" = 'approved' AND "recordId" = ANY($1::text[])`,
        [ids],
      );
    },

    async begin() {
      await client.query("BEGIN");
      open = true;
    },
    async insertUnits(units, now) {
      const at = now.toISOString();
      for (const c of units.colleges)
        await client.query(
          `INSERT INTO "College" ("id", "code", "name", "createdAt") VALUES ($1, $2, $3, $4::timestamp(3))`,
          [c.id, c.code, c.name, at],
        );
      for (const m of units.majors)
        await client.query(
          `INSERT INTO "Major" ("id", "collegeId", "name", "createdAt") VALUES ($1, $2, $3, $4::timestamp(3))`,
          [m.id, m.collegeId, m.name, at],
        );
      for (let i = 0; i < units.classGroups.length; i += ROWS_PER_STATEMENT) {
        const s = units.classGroups.slice(i, i + ROWS_PER_STATEMENT);
        await client.query(
          `INSERT INTO "ClassGroup" ("id", "collegeId", "majorId", "name", "createdAt") SELECT *, $5::timestamp(3) FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
          [s.map((g) => g.id), s.map((g) => g.collegeId), s.map((g) => g.majorId), s.map((g) => g.name), at],
        );
      }
    },
    async insertRecords(records, now) {
      for (let i = 0; i < records.length; i += ROWS_PER_STATEMENT) {
        const s = records.slice(i, i + ROWS_PER_STATEMENT);
        await client.query(insertSql, [
          ...recordColumns.map((c) => s.map((row) => row[c])),
          now.toISOString(),
        ]);
      }
    },
    async updateRecords(updates, now) {
      for (let i = 0; i < updates.length; i += ROWS_PER_STATEMENT) {
        const s = updates.slice(i, i + ROWS_PER_STATEMENT);
        const result = await client.query(updateSql, [
          s.map((r) => r.id),
          s.map((r) => r.expectedVersion),
          ...UPDATE_COLUMNS.map((c) => s.map((r) => r.values[c])),
          now.toISOString(),
        ]);
        if (result.rowCount !== s.length) throw new ConcurrentChangeError();
      }
    },
    async setExamNumbers(updates) {
      for (let i = 0; i < updates.length; i += ROWS_PER_STATEMENT) {
        const s = updates.slice(i, i + ROWS_PER_STATEMENT);
        await client.query(
          `UPDATE "EnrollmentRecord" AS r SET "examNumberIndex" = u."examNumberIndex"
            FROM unnest($1::text[], $2::text[]) AS u("id", "examNumberIndex") WHERE r."id" = u."id"`,
          [s.map((r) => r.id), s.map((r) => r.examNumberIndex)],
        );
      }
    },
    async insertHistory(history) {
      for (let i = 0; i < history.length; i += ROWS_PER_STATEMENT) {
        const s = history.slice(i, i + ROWS_PER_STATEMENT);
        await client.query(historySql, [
          s.map((h) => h.id),
          s.map((h) => h.recordId),
          s.map((h) => h.field),
          s.map((h) => h.beforeValue),
          s.map((h) => h.afterValue),
          s.map((h) => h.source),
          s.map((h) => h.changedByStaffId),
          s.map((h) => h.recordVersion),
          s.map((h) => h.changedAt.toISOString()),
        ]);
      }
    },
    async finish(job, audit) {
      await client.query(
        `UPDATE "ImportJob" SET "status" = $1, "totalRows" = $2, "processedRows" = $3, "newRows" = $4, "changedRows" = $5, "unchangedRows" = $6, "errorRows" = $7, "conflictRows" = $8, "summary" = $9, "finishedAt" = $10::timestamp(3) WHERE "id" = $11`,
        [
          job.status,
          job.totalRows,
          job.processedRows,
          job.newRows,
          job.changedRows,
          job.unchangedRows,
          job.errorRows,
          job.conflictRows,
          job.summary,
          job.finishedAt.toISOString(),
          job.id,
        ],
      );
      await client.query(
        `INSERT INTO "AuditLog" ("id", "actorType", "actorId", "actorLabel", "action", "targetType", "targetId", "after", "createdAt") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamp(3))`,
        [
          audit.id,
          audit.actorType,
          audit.actorId,
          audit.actorLabel,
          audit.action,
          audit.targetType,
          audit.targetId,
          audit.after,
          audit.createdAt.toISOString(),
        ],
      );
      await client.query("COMMIT");
      open = false;
    },
    async close() {
      if (closed) return;
      closed = true;
      if (open) await client.query("ROLLBACK").catch(() => undefined);
      await client.end();
    },
  };
}
