import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { readRosterBatches, type SheetRow } from "@/lib/roster-import/read-file";
import { XLSX_LIMITS } from "@/lib/roster-import/xlsx-sheet";
import { zip } from "../../support/zip";

const dir = mkdtempSync(path.join(tmpdir(), "read-xlsx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rowsOf(file: string): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const batch of readRosterBatches(file, "xlsx")) out.push(...batch);
  return out;
}

describe("reading an XLSX roster (streamed)", () => {
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

  // Decoding each inflated chunk on its own garbles characters split between two chunks (居��身份证, as
  // exceljs 4.4.0's reader did): the sheet's UTF-8 is decoded as one stream.
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

/** A package written by hand: what Excel, WPS and other tools produce beyond what exceljs writes. */
function handMade(parts: Record<string, string>): string {
  const file = path.join(
    dir,
    `hand-${Object.keys(parts).length}-${Math.random().toString(36).slice(2)}.xlsx`,
  );
  writeFileSync(file, zip(Object.entries(parts).map(([name, xml]) => ({ name, data: Buffer.from(xml) }))));
  return file;
}

const rels = (targets: Record<string, string>) =>
  `<Relationships>${Object.entries(targets)
    .map(([id, target]) => `<Relationship Id="${id}" Type="x/worksheet" Target="${target}"/>`)
    .join("")}</Relationships>`;

describe("reading an XLSX package as other tools write it", () => {
  it("reads the sheet the workbook lists first, not the first file name", async () => {
    const file = handMade({
      "xl/workbook.xml": `<workbook xmlns:r="r"><sheets><sheet name="名单" sheetId="2" r:id="rId2"/><sheet name="说明" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      "xl/_rels/workbook.xml.rels": rels({
        rId1: "worksheets/sheet1.xml",
        rId2: "/xl/worksheets/sheet2.xml",
      }),
      "xl/worksheets/sheet1.xml": `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row></sheetData></worksheet>`,
      "xl/worksheets/sheet2.xml": `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>名单</t></is></c></row></sheetData></worksheet>`,
    });
    expect(await rowsOf(file)).toEqual([{ rowNumber: 1, cells: ["名单"] }]);
  });

  it("reads shared strings without their phonetic runs, escapes, prefixes, cells without references, 1904 dates", async () => {
    const file = handMade({
      "xl/workbook.xml": `<x:workbook xmlns:x="main"><x:workbookPr date1904="1"/></x:workbook>`,
      "xl/sharedStrings.xml": `<sst><si><t>欧阳</t></si><si><r><t>雨</t></r><r><rPr/><t xml:space="preserve">桐 </t></r><rPh><t>ユウ</t></rPh></si><si><t>甲_x000D_乙</t></si><si><t/></si></sst>`,
      "xl/styles.xml": `<styleSheet><numFmts><numFmt numFmtId="180" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="181" formatCode="&quot;No.&quot;0"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="180"/><xf numFmtId="181"/><xf numFmtId="14"/><xf numFmtId="58"/></cellXfs></styleSheet>`,
      "xl/worksheets/sheet1.xml": `<x:worksheet xmlns:x="main"><x:sheetData>
        <x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c></x:row>
        <x:row r="4"><x:c r="B4" s="1"><x:v>43343</x:v></x:c><x:c r="C4" s="2"><x:v>7</x:v></x:c><x:c r="D4" s="3"><x:v>0</x:v></x:c></x:row>
        <x:row><x:c r="A5" t="e"><x:v>#N/A</x:v></x:c><x:c r="B5" t="s"><x:v>3</x:v></x:c><x:c r="C5" s="4"/></x:row>
        <x:row><x:c r="A6" t="str"><x:f>A1&amp;""</x:f><x:v>欧阳</x:v></x:c><x:c r="B6" t="b"><x:v>0</x:v></x:c><x:c r="C6" t="inlineStr"><x:is><x:r><x:t>司马</x:t></x:r><x:rPh><x:t>スマ</x:t></x:rPh></x:is></x:c></x:row>
      </x:sheetData></x:worksheet>`,
    });
    const rows = await rowsOf(file);
    expect(rows).toEqual([
      { rowNumber: 1, cells: ["欧阳", "雨桐 ", "甲\r乙"] },
      // the 1904 system: serial 43343 is 2022-09-01; a custom format with quoted "No." is a number
      { rowNumber: 4, cells: [null, new Date(Date.UTC(2022, 8, 1)), 7, new Date(Date.UTC(1904, 0, 1))] },
      { rowNumber: 6, cells: ["欧阳", "FALSE", "司马"] },
    ]);
  });

  it("refuses a cell past column XFD; reads a cut-off sheet up to its last whole row; no sheet, no rows", async () => {
    const far = handMade({
      "xl/worksheets/sheet1.xml": `<worksheet><sheetData><row r="1"><c r="ZZZZZZZ1"><v>1</v></c></row></sheetData></worksheet>`,
    });
    await expect(rowsOf(far)).rejects.toMatchObject({ key: "notXlsx" });
    const cut = handMade({
      "xl/worksheets/sheet1.xml": `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>甲 &amp; 乙</t></is></c></row><row r="2"><c r="A2"><v>1</c>`,
    });
    expect(await rowsOf(cut)).toEqual([{ rowNumber: 1, cells: ["甲 & 乙"] }]);
    expect(await rowsOf(handMade({ "xl/workbook.xml": "<workbook/>" }))).toEqual([]);
  });

  it("refuses a package holding more strings or longer rows than a roster can, before the heap fills", async () => {
    const kept = { ...XLSX_LIMITS };
    Object.assign(XLSX_LIMITS, { maxSharedStrings: 3, maxSharedChars: 40, maxRowChars: 30 });
    try {
      const sheet = `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`;
      const strings = (items: string[]) => `<sst>${items.map((t) => `<si><t>${t}</t></si>`).join("")}</sst>`;
      const within = handMade({
        "xl/sharedStrings.xml": strings(["甲", "乙", "丙"]),
        "xl/worksheets/sheet1.xml": sheet,
      });
      expect(await rowsOf(within)).toEqual([{ rowNumber: 1, cells: ["甲"] }]);
      const many = handMade({
        "xl/sharedStrings.xml": strings(["甲", "乙", "丙", "丁"]),
        "xl/worksheets/sheet1.xml": sheet,
      });
      const long = handMade({
        "xl/sharedStrings.xml": strings(["长".repeat(41)]),
        "xl/worksheets/sheet1.xml": sheet,
      });
      const wide = handMade({
        "xl/worksheets/sheet1.xml": `<worksheet><sheetData><row r="1">${["A", "B", "C", "D"]
          .map((c) => `<c r="${c}1" t="inlineStr"><is><t>${"宽".repeat(8)}</t></is></c>`)
          .join("")}</row></sheetData></worksheet>`,
      });
      for (const file of [many, long, wide])
        await expect(rowsOf(file)).rejects.toMatchObject({ key: "zipBomb" });
    } finally {
      Object.assign(XLSX_LIMITS, kept);
    }
  });
});
