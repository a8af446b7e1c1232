import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { readRosterBatches, type SheetRow } from "@/lib/roster-import/read-file";

const dir = mkdtempSync(path.join(tmpdir(), "read-xlsx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rowsOf(file: string): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const batch of readRosterBatches(file, "xlsx")) out.push(...batch);
  return out;
}

describe("reading an XLSX roster (exceljs, streamed)", () => {
  it("reads shared strings, rich text, numbers, dates, booleans, formulas and gaps ", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("名单");
    workbook.addWorksheet("其他").addRow(["不读"]);
    sheet.addRow(["姓名", "学号", "入学日期"]);
    sheet.addRow(["欧阳雨桐", "202301010002", new Date(Date.UTC(2023, 8, 1))]);
    sheet.getCell("C2").numFmt = "yyyy-mm-dd";
    sheet.addRow([
      { richText: [{ text: "张" }, { font: { bold: true }, text: "三 & <四>" }] },
      2023001,
      45170,
    ]);
    sheet.addRow([true, { formula: "1+1", result: 2 }, { formula: '"a"&"b"', result: "ab" }]);
    sheet.getCell("B5").value = "空行之后";
    sheet.getCell("E5").value = "E 列";
    const file = path.join(dir, "mixed.xlsx");
    await workbook.xlsx.writeFile(file);

    const rows = await rowsOf(file);
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0].cells).toEqual(["姓名", "学号", "入学日期"]);
    expect(rows[1].cells).toEqual(["欧阳雨桐", "202301010002", new Date(Date.UTC(2023, 8, 1))]);
    expect(rows[2].cells).toEqual(["张三 & <四>", 2023001, 45170]);
    expect(rows[3].cells).toEqual(["TRUE", 2, "ab"]);
    expect(rows[4].cells).toEqual([null, "空行之后", null, null, "E 列"]);
  });

  // exceljs 4.4.0 decoded each inflated chunk on its own and garbled characters split between two chunks
  // (居��身份证); patches/exceljs+4.4.0.patch decodes the stream as a whole.
  it("keeps multi-byte characters whole across chunk and batch boundaries (streamed, inline strings)", async () => {
    const file = path.join(dir, "stream.xlsx");
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const sheet = writer.addWorksheet("名单");
    const names = Array.from({ length: 5000 }, (_, i) => `居民身份证${"龘".repeat(i % 7)}${i}`);
    for (const name of names) sheet.addRow([name, "在籍(注册学籍)"]).commit();
    sheet.commit();
    await writer.commit();

    const rows = await rowsOf(file);
    expect(rows).toHaveLength(5000);
    expect(rows.map((r) => r.cells[0])).toEqual(names);
    expect(rows.every((r) => r.cells[1] === "在籍(注册学籍)")).toBe(true);
  });
});
