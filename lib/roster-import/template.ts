import ExcelJS from "exceljs";
import { ROSTER_HEADERS } from "./columns";

/** A fictional example row (valid check digit, birth date and gender agree with the ID number). */
export const TEMPLATE_EXAMPLE: readonly string[] = [
  "张三",
  "男",
  "2005-03-12",
  "汉族",
  "居民身份证",
  "110105200503120012",
  "本科",
  "计算机科学与技术",
  "4",
  "普通",
  "普通全日制",
  "计算机与信息工程学院",
  "计算机科学系",
  "计算机2301班",
  "202301019999",
  "2023-09-01",
  "2027-06-30",
  "在籍（注册学籍）",
];

/** CSV template: the header row only, UTF-8 with BOM (Excel then shows the Chinese headers correctly). */
export function templateCsv(): string {
  return "\uFEFF" + ROSTER_HEADERS.join(",") + "\r\n";
}

const NOTES = [
  "第一行为表头，列名须与本模板一致，顺序不限；多余的列会被忽略。",
  "日期格式：YYYY-MM-DD（也接受 YYYY/MM/DD 或 Excel 日期单元格）。",
  "证件号码与学号请设为文本格式，避免 Excel 把 18 位号码变成科学计数法。",
  "出生日期、性别须与居民身份证号码一致。",
  "同一学号再次导入会更新该学生的学籍；内容相同的行不会改动。",
];

/**
 * XLSX template: the header row on the first sheet (ID number and 学号 columns formatted as text), and a
 * second sheet with the rules and a fictional example, kept off the first sheet so it is never imported.
 */
export async function templateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("学籍名单");
  sheet.columns = ROSTER_HEADERS.map((header) => ({ header, width: Math.max(12, header.length * 3) }));
  for (const header of ["证件号码", "学号"]) sheet.getColumn(ROSTER_HEADERS.indexOf(header) + 1).numFmt = "@";
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  const notes = workbook.addWorksheet("填写说明");
  notes.getColumn(1).width = 90;
  for (const line of NOTES) notes.addRow([line]);
  notes.addRow([]);
  notes.addRow(["示例（虚构数据）："]);
  const example = workbook.addWorksheet("示例");
  example.addRow([...ROSTER_HEADERS]);
  example.addRow([...TEMPLATE_EXAMPLE]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
