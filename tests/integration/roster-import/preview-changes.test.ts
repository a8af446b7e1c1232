import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listChanges } from "@/lib/roster-import/changes";
import { discardImport } from "@/lib/roster-import/discard";
import {
  createRosterImport,
  listImportJobs,
  listIssues,
  runCommit,
  runPreview,
  startCommit,
} from "@/lib/roster-import/jobs";
import { importFilePath } from "@/lib/roster-import/storage";
import { registrarActor, toCsv, validRow, type Row } from "./support";

const actor = registrarActor();

async function preview(rows: Row[], name = "r.csv") {
  const created = await createRosterImport(actor, { name, bytes: Buffer.from(toCsv(rows)) });
  if (!created.ok) throw new Error(JSON.stringify(created));
  await runPreview(created.value.jobId);
  return db.importJob.findUniqueOrThrow({ where: { id: created.value.jobId } });
}

async function commit(rows: Row[]) {
  const job = await preview(rows);
  await startCommit(actor, job.id);
  await runCommit(job.id, actor);
  return db.importJob.findUniqueOrThrow({ where: { id: job.id } });
}

describe("import preview: what will change", () => {
  it("lists each changed student with every changed field old → new, ID numbers masked", async () => {
    const college = `预览学院${Date.now()}`;
    const rows = [
      validRow({ 姓名: "赵一" }, college),
      validRow({ 姓名: "赵二" }, college),
      validRow({ 姓名: "赵三" }, college),
    ];
    await commit(rows);
    const newId = validRow({ 出生日期: rows[1]["出生日期"], 性别: rows[1]["性别"] as "男" })["证件号码"];
    const added = validRow({ 姓名: "钱四" }, college);
    const job = await preview([
      { ...rows[0], 学籍状态: "休学" },
      { ...rows[1], 证件号码: newId, 民族: "回族" },
      rows[2],
      added,
    ]);
    expect(job).toMatchObject({ status: "previewed", changedRows: 2, unchangedRows: 1, newRows: 1 });

    const changed = await listChanges(actor, job, { kinds: ["changed"], page: 1 });
    expect(changed.total).toBe(2);
    expect(changed.rows[0]).toMatchObject({ studentNumber: rows[0]["学号"], name: "赵一", college });
    expect(changed.rows[0].fields).toEqual([{ field: "status", before: "在籍(注册学籍)", after: "休学" }]);
    const second = changed.rows[1].fields;
    expect(second).toContainEqual({ field: "ethnicity", before: "汉族", after: "回族" });
    const id = second.find((f) => f.field === "idNumber");
    expect(id?.before).toBe(rows[1]["证件号码"][0] + "*".repeat(16) + rows[1]["证件号码"][17]);
    expect(id?.after).toBe(newId[0] + "*".repeat(16) + newId[17]);
    // no ID number in clear anywhere in the stored list
    const stored = await db.importChange.findMany({ where: { jobId: job.id } });
    expect(JSON.stringify(stored)).not.toContain(newId);
    expect(JSON.stringify(stored)).not.toContain(rows[1]["证件号码"]);

    const fresh = await listChanges(actor, job, { kinds: ["new"], page: 1 });
    expect(fresh.rows.map((r) => [r.studentNumber, r.name])).toEqual([[added["学号"], "钱四"]]);
    // nothing changed yet
    const record = await db.enrollmentRecord.findUniqueOrThrow({ where: { studentNumber: rows[0]["学号"] } });
    expect(record.status).toBe("在籍(注册学籍)");
  });

  it("pages through a long list with its total", async () => {
    const college = `分页学院${Date.now()}`;
    const rows = Array.from({ length: 120 }, () => validRow({}, college));
    await commit(rows);
    const job = await preview(rows.map((r) => ({ ...r, 民族: "壮族" })));
    const page3 = await listChanges(actor, job, { kinds: ["changed"], page: 3, pageSize: 50 });
    expect(page3.total).toBe(120);
    expect(page3.rows).toHaveLength(20);
    expect(page3.rows[0].rowNumber).toBe(102);
  });

  it("shows every conflict before the commit, not only after", async () => {
    const row = validRow({ 姓名: "孙珊" });
    await commit([row]);
    const record = await db.enrollmentRecord.findUniqueOrThrow({ where: { studentNumber: row["学号"] } });
    await db.$transaction([
      db.enrollmentRecord.update({ where: { id: record.id }, data: { name: "孙姗", version: 2 } }),
      db.recordHistory.create({
        data: {
          recordId: record.id,
          field: "name",
          beforeValue: "孙珊",
          afterValue: "孙姗",
          source: "correction",
          recordVersion: 2,
        },
      }),
    ]);
    const job = await preview([{ ...row, 民族: "满族" }]);
    expect(job).toMatchObject({ status: "previewed", conflictRows: 1, changedRows: 1 });
    const conflicts = await listIssues(actor, job.id, { page: 1, severity: "conflict" });
    expect(conflicts.total).toBe(1);
    expect(conflicts.rows[0]).toMatchObject({ field: "name", studentNumber: row["学号"] });
    const changed = await listChanges(actor, job, { kinds: ["changed"], page: 1 });
    // the held name is a conflict, not a change
    expect(changed.rows[0].fields).toEqual([{ field: "ethnicity", before: "汉族", after: "满族" }]);
  });

  it("a stale preview is discarded: audited, not committable, its file and list gone", async () => {
    const row = validRow();
    const job = await preview([row]);
    expect(existsSync(importFilePath(job.fileKey))).toBe(true);
    expect(await discardImport(actor, job.id)).toMatchObject({ ok: true, value: { kind: "roster" } });
    const after = await db.importJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(after.status).toBe("discarded");
    expect(existsSync(importFilePath(job.fileKey))).toBe(false);
    expect(await db.importChange.count({ where: { jobId: job.id } })).toBe(0);
    expect(await startCommit(actor, job.id)).toMatchObject({
      ok: false,
      error: { key: "import.errors.notCommittable" },
    });
    expect(await db.enrollmentRecord.count({ where: { studentNumber: row["学号"] } })).toBe(0);
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "import.discard", targetId: job.id },
    });
    expect(entry.actorId).toBe(actor.staffUserId);

    // a committed import cannot be discarded
    const done = await commit([validRow()]);
    expect(await discardImport(actor, done.id)).toMatchObject({
      ok: false,
      error: { key: "import.errors.notDiscardable" },
    });
    expect((await db.importJob.findUniqueOrThrow({ where: { id: done.id } })).status).toBe("committed");
  });

  it("the import list names who uploaded each file", async () => {
    const staff = await db.staffUser.create({
      data: {
        username: `uploader${Date.now()}`,
        displayName: "学籍科李老师",
        passwordHash: "x",
        roles: "registrar",
      },
    });
    const created = await createRosterImport(registrarActor(staff.id), {
      name: "who.csv",
      bytes: Buffer.from(toCsv([validRow()])),
    });
    if (!created.ok) throw new Error("upload failed");
    const jobs = await listImportJobs(actor);
    expect(jobs.find((j) => j.id === created.value.jobId)?.uploadedBy).toEqual({
      name: "学籍科李老师",
      username: staff.username,
    });
    await runPreview(created.value.jobId);
  });
});
