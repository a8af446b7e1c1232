import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { lockGraduationFromFile } from "@/lib/roster-import/graduation-lock";
import { createRosterImport, runCommit, runPreview, startCommit } from "@/lib/roster-import/jobs";
import { collegeActor, registrarActor, toCsv, toXlsx, validRow } from "./support";

const actor = registrarActor();

describe("graduation lock from a file", () => {
  it("locks the listed 学号 in bulk and reports unknown ones", async () => {
    const rows = [validRow(), validRow(), validRow()];
    const created = await createRosterImport(actor, { name: "r.csv", bytes: Buffer.from(toCsv(rows)) });
    if (!created.ok) throw new Error("upload failed");
    await runPreview(created.value.jobId);
    await startCommit(actor, created.value.jobId);
    await runCommit(created.value.jobId, actor);

    const file = await toXlsx(
      [{ ...rows[0] }, { ...rows[1] }, { ...rows[0], 学号: "999999999999" }],
      ["学号", "姓名"],
    );
    const result = await lockGraduationFromFile(actor, { name: "lock.xlsx", bytes: file });
    expect(result).toMatchObject({
      ok: true,
      value: { total: 3, locked: 2, alreadyLocked: 0, unknown: 1, unknownSample: ["999999999999"] },
    });
    const locked = await db.enrollmentRecord.findMany({
      where: { studentNumber: { in: rows.map((r) => r["学号"]) } },
      orderBy: { studentNumber: "asc" },
    });
    expect(
      locked
        .filter((r) => r.graduationRegistered)
        .map((r) => r.studentNumber)
        .sort(),
    ).toEqual([rows[0]["学号"], rows[1]["学号"]].sort());

    const again = await lockGraduationFromFile(actor, {
      name: "lock.csv",
      bytes: Buffer.from(toCsv([rows[0]], ["学号"])),
    });
    expect(again).toMatchObject({ ok: true, value: { locked: 0, alreadyLocked: 1 } });
  });

  it("needs a 学号 column and the registrar's permission", async () => {
    const noColumn = await lockGraduationFromFile(actor, {
      name: "x.csv",
      bytes: Buffer.from("姓名\r\n张三\r\n"),
    });
    expect(noColumn).toMatchObject({ ok: false, error: { key: "import.errors.missingColumns" } });
    await expect(
      lockGraduationFromFile(collegeActor([]), { name: "x.csv", bytes: Buffer.from("学号\r\n1\r\n") }),
    ).rejects.toThrow();
  });
});
