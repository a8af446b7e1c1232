import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listChanges } from "@/lib/roster-import/changes";
import { discardImport } from "@/lib/roster-import/discard";
import {
  confirmGraduationLock,
  previewGraduationLock,
  undoGraduationLock,
} from "@/lib/roster-import/graduation-lock";
import { createRosterImport, runCommit, runPreview, startCommit } from "@/lib/roster-import/jobs";
import { collegeActor, registrarActor, toCsv, toXlsx, validRow, type Row } from "./support";

const actor = registrarActor();

async function importRows(rows: Row[]) {
  const created = await createRosterImport(actor, { name: "r.csv", bytes: Buffer.from(toCsv(rows)) });
  if (!created.ok) throw new Error("upload failed");
  await runPreview(created.value.jobId);
  await startCommit(actor, created.value.jobId);
  await runCommit(created.value.jobId, actor);
}

const lockedNumbers = async (rows: Row[]) =>
  (
    await db.enrollmentRecord.findMany({
      where: { studentNumber: { in: rows.map((r) => r["学号"]) }, graduationRegistered: true },
      select: { studentNumber: true },
    })
  )
    .map((r) => r.studentNumber)
    .sort();

describe("graduation lock from a file", () => {
  it("lists who would be locked, locks nobody until confirmed, then locks exactly them", async () => {
    const rows = [validRow({ 姓名: "王一" }), validRow({ 姓名: "王二" }), validRow()];
    await importRows(rows);
    const file = await toXlsx(
      [{ ...rows[0] }, { ...rows[1] }, { ...rows[0], 学号: "999999999999" }],
      ["学号", "姓名"],
    );
    const preview = await previewGraduationLock(actor, { name: "lock.xlsx", bytes: file });
    if (!preview.ok) throw new Error(JSON.stringify(preview));
    expect(preview.value).toMatchObject({ total: 3, toLock: 2, alreadyLocked: 0, unknown: 1 });
    // the preview changes nothing
    expect(await lockedNumbers(rows)).toEqual([]);
    const job = await db.importJob.findUniqueOrThrow({ where: { id: preview.value.jobId } });
    expect(job).toMatchObject({ kind: "graduation_lock", status: "previewed", changedRows: 2, errorRows: 1 });
    const list = await listChanges(actor, job, { kinds: ["lock"], page: 1 });
    expect(list.total).toBe(2);
    expect(list.rows.map((r) => [r.studentNumber, r.name])).toEqual([
      [rows[0]["学号"], "王一"],
      [rows[1]["学号"], "王二"],
    ]);
    expect(list.rows[0]).toMatchObject({ college: "测试学院", classGroup: "测试学院2301班" });
    const unknown = await db.importRowIssue.findMany({ where: { jobId: job.id } });
    expect(unknown.map((u) => u.studentNumber)).toEqual(["999999999999"]);

    const confirmed = await confirmGraduationLock(actor, job.id);
    expect(confirmed).toEqual({ ok: true, value: { locked: 2 } });
    expect(await lockedNumbers(rows)).toEqual([rows[0]["学号"], rows[1]["学号"]].sort());
    expect(await db.auditLog.count({ where: { action: "graduationLock.confirm", targetId: job.id } })).toBe(
      1,
    );
    // a second confirmation (double click, second tab) does nothing
    expect(await confirmGraduationLock(actor, job.id)).toMatchObject({
      ok: false,
      error: { key: "import.errors.notCommittable" },
    });

    // a second file counts the already locked
    const again = await previewGraduationLock(actor, {
      name: "lock.csv",
      bytes: Buffer.from(toCsv([rows[0], rows[2]], ["学号"])),
    });
    expect(again).toMatchObject({ ok: true, value: { toLock: 1, alreadyLocked: 1 } });
  });

  it("undo unlocks only the students this file locked, audited, and only once", async () => {
    const rows = [validRow(), validRow(), validRow()];
    await importRows(rows);
    const first = await previewGraduationLock(actor, {
      name: "a.csv",
      bytes: Buffer.from(toCsv([rows[0], rows[1]], ["学号"])),
    });
    if (!first.ok) throw new Error("preview failed");
    // another list locks the third student and (already locked by then) the second
    const second = await previewGraduationLock(actor, {
      name: "b.csv",
      bytes: Buffer.from(toCsv([rows[1], rows[2]], ["学号"])),
    });
    if (!second.ok) throw new Error("preview failed");
    expect((await confirmGraduationLock(actor, first.value.jobId)).ok).toBe(true);
    // the second list previewed rows[1] as unlocked; locked meanwhile, it is not this list's to undo
    expect(await confirmGraduationLock(actor, second.value.jobId)).toEqual({
      ok: true,
      value: { locked: 1 },
    });

    const undone = await undoGraduationLock(actor, second.value.jobId);
    expect(undone).toEqual({ ok: true, value: { unlocked: 1 } });
    expect(await lockedNumbers(rows)).toEqual([rows[0]["学号"], rows[1]["学号"]].sort());
    const job = await db.importJob.findUniqueOrThrow({ where: { id: second.value.jobId } });
    expect(job.status).toBe("undone");
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "graduationLock.undo", targetId: job.id },
    });
    expect(entry).toMatchObject({ actorType: "staff", actorId: actor.staffUserId });
    expect(JSON.parse(entry.after ?? "{}")).toMatchObject({ unlocked: 1 });
    expect(await undoGraduationLock(actor, job.id)).toMatchObject({
      ok: false,
      error: { key: "import.graduation.errors.notUndoable" },
    });
  });

  it("a discarded preview cannot be confirmed and locks nobody", async () => {
    const rows = [validRow()];
    await importRows(rows);
    const preview = await previewGraduationLock(actor, {
      name: "c.csv",
      bytes: Buffer.from(toCsv(rows, ["学号"])),
    });
    if (!preview.ok) throw new Error("preview failed");
    expect(await discardImport(actor, preview.value.jobId)).toMatchObject({ ok: true });
    expect(await confirmGraduationLock(actor, preview.value.jobId)).toMatchObject({ ok: false });
    expect(await lockedNumbers(rows)).toEqual([]);
    expect(await db.importChange.count({ where: { jobId: preview.value.jobId } })).toBe(0);
    expect(
      await db.auditLog.count({ where: { action: "import.discard", targetId: preview.value.jobId } }),
    ).toBe(1);
    // already discarded: nothing left to discard
    expect(await discardImport(actor, preview.value.jobId)).toMatchObject({
      ok: false,
      error: { key: "import.errors.notDiscardable" },
    });
  });

  it("needs a 学号 column (leaving no job behind) and the registrar's permission", async () => {
    const before = await db.importJob.count();
    const noColumn = await previewGraduationLock(actor, {
      name: "x.csv",
      bytes: Buffer.from("姓名\r\n张三\r\n"),
    });
    expect(noColumn).toMatchObject({ ok: false, error: { key: "import.errors.missingColumns" } });
    expect(await db.importJob.count()).toBe(before);
    const college = collegeActor([]);
    await expect(
      previewGraduationLock(college, { name: "x.csv", bytes: Buffer.from("学号\r\n1\r\n") }),
    ).rejects.toThrow();
    const preview = await previewGraduationLock(actor, {
      name: "y.csv",
      bytes: Buffer.from("学号\r\n1\r\n"),
    });
    if (!preview.ok) throw new Error("preview failed");
    await expect(confirmGraduationLock(college, preview.value.jobId)).rejects.toThrow();
    await expect(undoGraduationLock(college, preview.value.jobId)).rejects.toThrow();
    await expect(discardImport(college, preview.value.jobId)).rejects.toThrow();
  });
});
