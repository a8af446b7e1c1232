import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  createRosterImport,
  runCommit,
  runPreview,
  startCommit,
  parseJobSummary,
} from "@/lib/roster-import/jobs";
import { registrarActor, toCsv, toXlsx, validRow, type Row } from "./support";

const actor = registrarActor();

async function preview(name: string, bytes: Uint8Array) {
  const created = await createRosterImport(actor, { name, bytes });
  if (!created.ok) throw new Error(JSON.stringify(created));
  await runPreview(created.value.jobId);
  return db.importJob.findUniqueOrThrow({ where: { id: created.value.jobId } });
}

async function importFile(name: string, bytes: Uint8Array) {
  const job = await preview(name, bytes);
  expect(job.status).toBe("previewed");
  const started = await startCommit(actor, job.id);
  expect(started.ok).toBe(true);
  await runCommit(job.id, actor);
  return db.importJob.findUniqueOrThrow({ where: { id: job.id } });
}

describe("roster import", () => {
  it("previews, then commits new records, organisation units and encrypted ID numbers", async () => {
    const college = `导入学院${Date.now()}`;
    const rows: Row[] = [
      validRow({ 姓名: "李白" }, college),
      validRow({ 姓名: "杜甫", 性别: "女" }, college),
    ];
    const job = await preview("roster.csv", Buffer.from(toCsv(rows)));
    expect(job).toMatchObject({ status: "previewed", totalRows: 2, newRows: 2, errorRows: 0 });
    const summary = parseJobSummary(job.summary);
    expect(summary?.created.colleges).toEqual([college]);
    expect(summary?.created.classGroups).toEqual([{ college, major: "测试专业", name: `${college}2301班` }]);
    expect(await db.enrollmentRecord.count({ where: { studentNumber: rows[0]["学号"] } })).toBe(0);

    await startCommit(actor, job.id);
    await runCommit(job.id, actor);
    const done = await db.importJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(done).toMatchObject({ status: "committed", newRows: 2 });
    const record = await db.enrollmentRecord.findUniqueOrThrow({
      where: { studentNumber: rows[0]["学号"] },
      include: { college: true, classGroup: true, major: true },
    });
    expect(record).toMatchObject({ name: "李白", cohort: "2023", version: 1, idType: "resident_id" });
    expect(record.college.name).toBe(college);
    expect(record.classGroup.name).toBe(`${college}2301班`);
    expect(record.idNumberEnc).not.toContain(rows[0]["证件号码"]);
    expect(record.idMasked).toBe(rows[0]["证件号码"][0] + "*".repeat(16) + rows[0]["证件号码"][17]);
    expect(await db.auditLog.count({ where: { action: "roster.commit", targetId: job.id } })).toBe(1);
  });

  it("imports XLSX too, and re-importing the same file changes nothing", async () => {
    const college = `XLSX学院${Date.now()}`;
    const rows = [validRow({}, college), validRow({ 性别: "女" }, college), validRow({}, college)];
    const bytes = await toXlsx(rows);
    const first = await importFile("roster.xlsx", bytes);
    expect(first).toMatchObject({ status: "committed", newRows: 3 });
    const before = await db.enrollmentRecord.findMany({
      where: { studentNumber: { in: rows.map((r) => r["学号"]) } },
    });

    const second = await importFile("roster.xlsx", bytes);
    expect(second).toMatchObject({ status: "committed", newRows: 0, changedRows: 0, unchangedRows: 3 });
    const after = await db.enrollmentRecord.findMany({
      where: { studentNumber: { in: rows.map((r) => r["学号"]) } },
    });
    expect(after.map((r) => [r.id, r.version, r.updatedAt.getTime()])).toEqual(
      before.map((r) => [r.id, r.version, r.updatedAt.getTime()]),
    );
    expect(await db.college.count({ where: { name: college } })).toBe(1);
  });

  it("updates changed fields with version + 1 and history (source import)", async () => {
    const college = `变更学院${Date.now()}`;
    const row = validRow({}, college);
    await importFile("a.csv", Buffer.from(toCsv([row])));
    const changed = { ...row, 民族: "回族", 班级: `${college}2302班` };
    const job = await importFile("b.csv", Buffer.from(toCsv([changed])));
    expect(job).toMatchObject({ changedRows: 1 });
    const record = await db.enrollmentRecord.findUniqueOrThrow({
      where: { studentNumber: row["学号"] },
      include: { classGroup: true },
    });
    expect(record.version).toBe(2);
    expect(record.ethnicity).toBe("回族");
    expect(record.classGroup.name).toBe(`${college}2302班`);
    const history = await db.recordHistory.findMany({
      where: { recordId: record.id },
      orderBy: { field: "asc" },
    });
    expect(history.map((h) => [h.field, h.beforeValue, h.afterValue, h.source, h.recordVersion])).toEqual([
      ["classGroup", `${college}2301班`, `${college}2302班`, "import", 2],
      ["ethnicity", "汉族", "回族", "import", 2],
    ]);
  });
});
