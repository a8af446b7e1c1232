import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createRosterImport, runCommit, runPreview, startCommit } from "@/lib/roster-import/jobs";
import { registrarActor, toCsv, validRow, type Row } from "./support";

const actor = registrarActor();

async function run(name: string, bytes: Uint8Array, hooks = {}) {
  const created = await createRosterImport(actor, { name, bytes });
  if (!created.ok) throw new Error(JSON.stringify(created));
  await runPreview(created.value.jobId);
  await startCommit(actor, created.value.jobId);
  await runCommit(created.value.jobId, actor, hooks);
  return db.importJob.findUniqueOrThrow({ where: { id: created.value.jobId } });
}

/** The record table's indexes (SQLite: the bulk path drops and rebuilds the non-unique ones). */
async function recordIndexes(): Promise<string[]> {
  const rows =
    process.env.TEST_DB === "postgres"
      ? await db.$queryRawUnsafe<{ name: string }[]>(
          `SELECT indexname::text AS name FROM pg_indexes WHERE tablename = 'EnrollmentRecord'`,
        )
      : await db.$queryRawUnsafe<{ name: string }[]>(
          `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'EnrollmentRecord'`,
        );
  return rows.map((r) => r.name).sort();
}

describe("bulk import (12,000 rows: the path that rebuilds indexes on SQLite)", () => {
  it("rolls back rows and index changes together on failure, then commits with every index", async () => {
    const before = await recordIndexes();
    expect(before).toContain("EnrollmentRecord_idNumberIndex_idx");
    const college = `批量学院${Date.now()}`;
    const rows: Row[] = Array.from({ length: 12_000 }, () => validRow({}, college));
    const bytes = Buffer.from(toCsv(rows));

    const failed = await run("bulk.csv", bytes, {
      afterBatch: (written: number) => {
        if (written >= 10_000) throw new Error("power cut");
      },
    });
    expect(failed.status).toBe("failed");
    expect(await db.enrollmentRecord.count({ where: { college: { name: college } } })).toBe(0);
    expect(await recordIndexes()).toEqual(before);

    const committed = await run("bulk.csv", bytes);
    expect(committed.status).toBe("committed");
    expect(committed.newRows).toBe(12_000);
    expect(await recordIndexes()).toEqual(before);
    const sample = rows[7_777];
    const record = await db.enrollmentRecord.findUniqueOrThrow({
      where: { studentNumber: sample["学号"] },
    });
    expect(record.name).toBe(sample["姓名"]);
  }, 120_000);
});
