import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createRosterImport, runPreview } from "@/lib/roster-import/jobs";
import { issueReport } from "@/lib/roster-import/report";
import { checkDigitFor } from "@/lib/identity/id-number";
import { registrarActor, toCsv, validRow } from "./support";

const actor = registrarActor();
const t = (key: string, params?: Record<string, string | number>) =>
  `${key}${params ? JSON.stringify(params) : ""}`;

async function preview(name: string, bytes: Uint8Array) {
  const created = await createRosterImport(actor, { name, bytes });
  if (!created.ok) throw new Error(JSON.stringify(created));
  await runPreview(created.value.jobId);
  const job = await db.importJob.findUniqueOrThrow({ where: { id: created.value.jobId } });
  const issues = await db.importRowIssue.findMany({
    where: { jobId: job.id },
    orderBy: { rowNumber: "asc" },
  });
  return {
    job,
    issues: issues.map((i) => ({
      row: i.rowNumber,
      field: i.field,
      key: JSON.parse(i.message).key as string,
    })),
  };
}

describe("roster validation", () => {
  it("reports each kind of bad row, one line per problem, and keeps good rows", async () => {
    const good = validRow();
    const badCheck = validRow();
    const id = badCheck["证件号码"];
    badCheck["证件号码"] = id.slice(0, 17) + (checkDigitFor(id.slice(0, 17)) === "1" ? "2" : "1");
    const badBirth = validRow({ 出生日期: "2005-04-03" });
    badBirth["出生日期"] = "2005-04-04";
    const badGender = validRow({ 性别: "男" });
    badGender["性别"] = "女";
    const duplicate = validRow({ 学号: good["学号"] });
    const badDate = validRow({ 入学日期: "2023年9月1日" });
    const slashDate = validRow({ 入学日期: "2023/9/1" });
    const noName = validRow({ 姓名: "" });
    const rows = [good, badCheck, badBirth, badGender, duplicate, badDate, slashDate, noName];
    const { job, issues } = await preview("bad.csv", Buffer.from(toCsv(rows)));
    expect(job).toMatchObject({ status: "previewed", totalRows: 8, newRows: 2, errorRows: 6 });
    expect(issues).toEqual([
      { row: 3, field: "idNumber", key: "idCheckDigit" },
      { row: 4, field: "birthDate", key: "birthMismatch" },
      { row: 5, field: "gender", key: "genderMismatch" },
      { row: 6, field: "studentNumber", key: "duplicateStudentNumber" },
      { row: 7, field: "enrolledOn", key: "dateFormat" },
      { row: 9, field: "name", key: "nameEmpty" },
    ]);

    const report = await issueReport(actor, job.id, t);
    let csv = "";
    for await (const chunk of report ?? []) csv += chunk;
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain(
      `6,${good["学号"]},import.severity.error,studentNumber`.replace("studentNumber", "学号"),
    );
    expect(csv.trim().split("\r\n")).toHaveLength(7);
  });

  it("refuses a file whose header lacks required columns, naming them", async () => {
    const headers = ["姓名", "性别", "学号", "备注"];
    const { job } = await preview("short.csv", Buffer.from(toCsv([validRow()], headers)));
    expect(job.status).toBe("failed");
    expect(JSON.parse(job.error ?? "{}")).toMatchObject({ key: "import.errors.missingColumns" });
    expect(JSON.parse(job.error ?? "{}").params.columns).toContain("证件号码");
  });

  it("ignores extra columns with a warning and accepts columns in any order", async () => {
    const row = validRow();
    const headers = ["备注", ...Object.keys(row).reverse()];
    const { job } = await preview(
      "reordered.csv",
      Buffer.from(toCsv([{ ...row, 备注: "x" } as typeof row], headers)),
    );
    expect(job).toMatchObject({ status: "previewed", newRows: 1, errorRows: 0 });
    expect(JSON.parse(job.summary).ignoredColumns).toEqual(["备注"]);
  });

  it("reads GB18030 and UTF-8 with BOM", async () => {
    const row = validRow({ 姓名: "欧阳𠮷祥" });
    const gb = iconv.encode(toCsv([row]), "gb18030");
    const fromGb = await preview("gb.csv", gb);
    expect(fromGb.job).toMatchObject({ status: "previewed", newRows: 1, errorRows: 0 });

    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(toCsv([validRow()]))]);
    const fromBom = await preview("bom.csv", bom);
    expect(fromBom.job).toMatchObject({ status: "previewed", newRows: 1, errorRows: 0 });
  });

  it("refuses files that are neither CSV nor XLSX", async () => {
    const result = await createRosterImport(actor, { name: "roster.xls", bytes: Buffer.from("x") });
    expect(result).toMatchObject({ ok: false, error: { key: "import.errors.fileType" } });
    const fake = await createRosterImport(actor, { name: "roster.xlsx", bytes: Buffer.from("姓名,性别") });
    expect(fake).toMatchObject({ ok: false, error: { key: "import.errors.notXlsx" } });
  });
});
