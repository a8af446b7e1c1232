import { constants, deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { decideConflict } from "@/lib/roster-import/decide";
import { createRosterImport, runCommit, runPreview, startCommit } from "@/lib/roster-import/jobs";
import { zip } from "../../support/zip";
import { registrarActor, toCsv, validRow, type Row } from "./support";

const actor = registrarActor();

async function run(name: string, bytes: Uint8Array, hooks = {}) {
  const created = await createRosterImport(actor, { name, bytes });
  if (!created.ok) throw new Error(JSON.stringify(created));
  await runPreview(created.value.jobId);
  const previewed = await db.importJob.findUniqueOrThrow({ where: { id: created.value.jobId } });
  if (previewed.status !== "previewed") return previewed;
  await startCommit(actor, previewed.id);
  await runCommit(previewed.id, actor, hooks);
  return db.importJob.findUniqueOrThrow({ where: { id: previewed.id } });
}

describe("import safety", () => {
  it("leaves nothing behind when the write pass fails mid-way", async () => {
    const college = `中断学院${Date.now()}`;
    const rows: Row[] = Array.from({ length: 6000 }, () => validRow({}, college));
    const job = await run("big.csv", Buffer.from(toCsv(rows)), {
      afterBatch: (written: number) => {
        if (written >= 5000) throw new Error("power cut");
      },
    });
    expect(job.status).toBe("failed");
    expect(JSON.parse(job.error ?? "{}")).toEqual({ key: "import.errors.writeFailed" });
    expect(
      await db.enrollmentRecord.count({
        where: { studentNumber: { in: rows.slice(0, 500).map((r) => r["学号"]) } },
      }),
    ).toBe(0);
    expect(await db.college.count({ where: { name: college } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "roster.commit", targetId: job.id } })).toBe(0);
  });

  it("never overwrites a field with an approved correction: lists it and waits for a decision", async () => {
    const college = `冲突学院${Date.now()}`;
    const row = validRow({ 姓名: "张珊" }, college);
    await run("a.csv", Buffer.from(toCsv([row])));
    const record = await db.enrollmentRecord.findUniqueOrThrow({ where: { studentNumber: row["学号"] } });
    // An approved correction changed the name to 张姗 (what the corrections service writes).
    await db.$transaction([
      db.enrollmentRecord.update({ where: { id: record.id }, data: { name: "张姗", version: 2 } }),
      db.recordHistory.create({
        data: {
          recordId: record.id,
          field: "name",
          beforeValue: "张珊",
          afterValue: "张姗",
          source: "correction",
          recordVersion: 2,
        },
      }),
    ]);
    // The old roster comes back with the admission name and a new ethnicity.
    const job = await run("b.csv", Buffer.from(toCsv([{ ...row, 民族: "满族" }])));
    expect(job).toMatchObject({ status: "committed", conflictRows: 1, changedRows: 1 });
    const after = await db.enrollmentRecord.findUniqueOrThrow({ where: { id: record.id } });
    expect(after).toMatchObject({ name: "张姗", ethnicity: "满族", version: 3 });
    const conflict = await db.importRowIssue.findFirstOrThrow({
      where: { jobId: job.id, severity: "conflict" },
    });
    expect(conflict.field).toBe("name");
    expect(JSON.parse(conflict.message)).toMatchObject({ before: "张姗", after: "张珊" });

    // Re-importing again lists the conflict again and still changes nothing.
    const again = await run("c.csv", Buffer.from(toCsv([{ ...row, 民族: "满族" }])));
    expect(again).toMatchObject({ conflictRows: 1, changedRows: 0 });
    expect((await db.enrollmentRecord.findUniqueOrThrow({ where: { id: record.id } })).version).toBe(3);

    // The registrar decides: take the file's value.
    const decided = await decideConflict(actor, { jobId: job.id, issueId: conflict.id, decision: "take" });
    expect(decided.ok).toBe(true);
    expect(await db.enrollmentRecord.findUniqueOrThrow({ where: { id: record.id } })).toMatchObject({
      name: "张珊",
      version: 4,
    });
    const twice = await decideConflict(actor, { jobId: job.id, issueId: conflict.id, decision: "keep" });
    expect(twice).toMatchObject({ ok: false, error: { key: "import.conflicts.alreadyDecided" } });
  });

  it("rolls the whole commit back when a record changed after the preview", async () => {
    const college = `并发学院${Date.now()}`;
    const [a, b] = [validRow({}, college), validRow({}, college)];
    await run("a.csv", Buffer.from(toCsv([a])));
    const created = await createRosterImport(actor, {
      name: "b.csv",
      bytes: Buffer.from(toCsv([{ ...a, 民族: "壮族" }, b])),
    });
    if (!created.ok) throw new Error("upload failed");
    await runPreview(created.value.jobId);
    // someone (a correction approval) changes the record between preview and commit
    await db.enrollmentRecord.update({
      where: { studentNumber: a["学号"] },
      data: { version: { increment: 1 } },
    });
    await startCommit(actor, created.value.jobId);
    await runCommit(created.value.jobId, actor);
    const job = await db.importJob.findUniqueOrThrow({ where: { id: created.value.jobId } });
    expect(job.status).toBe("failed");
    expect(JSON.parse(job.error ?? "{}")).toEqual({ key: "import.errors.concurrentChange" });
    expect(await db.enrollmentRecord.count({ where: { studentNumber: b["学号"] } })).toBe(0);
    expect(
      (await db.enrollmentRecord.findUniqueOrThrow({ where: { studentNumber: a["学号"] } })).ethnicity,
    ).toBe("汉族");
  });

  it("refuses an XLSX whose size table lies, after inflating only what it declared", async () => {
    // 1 MiB of zeros deflated with a full flush ends on a byte boundary with a fresh dictionary, so the
    // segment can be repeated: 1,100 copies and an empty final block inflate to 1.1 GiB from ~1 MB.
    const segment = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_FULL_FLUSH });
    const deflated = Buffer.concat([...Array<Buffer>(1100).fill(segment), Buffer.from([0x03, 0x00])]);
    expect(deflated.length).toBeLessThan(2_000_000);
    const sheet = Buffer.from(
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row></sheetData></worksheet>',
    );
    const workbook = { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") };
    const measured = async (bytes: Buffer) => {
      const started = Date.now();
      const rss = process.memoryUsage().rss;
      const job = await run("liar.xlsx", bytes);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(process.memoryUsage().rss - rss).toBeLessThan(100 * 1024 * 1024);
      expect(job.status).toBe("failed");
      return JSON.parse(job.error ?? "{}") as { key?: string };
    };
    // the sheet itself, or the shared strings read before it
    const lyingSheet = zip([
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(0), deflated, claimedSize: 4096 },
      workbook,
    ]);
    expect(await measured(lyingSheet)).toMatchObject({ key: "import.errors.unpackTooLarge" });
    const lyingStrings = zip([
      { name: "xl/sharedStrings.xml", data: Buffer.alloc(0), deflated, claimedSize: 4096 },
      { name: "xl/worksheets/sheet1.xml", data: sheet },
      workbook,
    ]);
    expect(await measured(lyingStrings)).toMatchObject({ key: "import.errors.unpackTooLarge" });
    // a part a roster does not need is never inflated: the lie costs nothing, the sheet is judged as usual
    const lyingImage = zip([
      { name: "xl/media/image1.png", data: Buffer.alloc(0), deflated, claimedSize: 4096 },
      { name: "xl/worksheets/sheet1.xml", data: sheet },
      workbook,
    ]);
    expect(await measured(lyingImage)).toMatchObject({ key: "import.errors.missingColumns" });
  });

  it("refuses a zip bomb before unpacking it", async () => {
    const bomb = zip([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(30 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(200_000);
    const ratio = await run("bomb.xlsx", bomb);
    expect(ratio.status).toBe("failed");
    expect(JSON.parse(ratio.error ?? "{}")).toMatchObject({ key: "import.errors.zipBomb" });

    const liar = zip([
      { name: "xl/worksheets/sheet1.xml", data: Buffer.from("<x/>"), claimedSize: 0xfffffff0 },
    ]);
    expect(JSON.parse((await run("liar.xlsx", liar)).error ?? "{}")).toMatchObject({
      key: "import.errors.zipBomb",
    });

    const many = zip(Array.from({ length: 2001 }, (_, i) => ({ name: `f${i}.xml`, data: Buffer.from("x") })));
    expect(JSON.parse((await run("many.xlsx", many)).error ?? "{}")).toMatchObject({
      key: "import.errors.zipBomb",
    });
  });
});
