import { randomInt } from "node:crypto";
import ExcelJS from "exceljs";
import { checkDigitFor } from "@/lib/identity/id-number";
import type { StaffActor } from "@/lib/auth/actor";
import { ROSTER_HEADERS } from "@/lib/roster-import/columns";

/** A fresh valid resident ID number for a birth date and gender (odd 17th digit = 男). */
export function idNumberFor(birthDate: string, gender: "男" | "女"): string {
  const seq = randomInt(0, 50) * 2 + (gender === "男" ? 1 : 0);
  const first17 =
    "420106" + birthDate.replaceAll("-", "") + String(randomInt(0, 10)) + String(seq).padStart(2, "0");
  return first17 + checkDigitFor(first17);
}

let counter = randomInt(0, 1_000_000);
/** A unique 学号 for this run (12 digits). */
export function studentNumber(prefix = "29"): string {
  counter++;
  return prefix + String(Date.now() % 1_000_000).padStart(6, "0") + String(counter % 10_000).padStart(4, "0");
}

export type Row = Record<(typeof ROSTER_HEADERS)[number], string>;

/** One valid roster row; `college` keeps a test's rows in its own units. */
export function validRow(overrides: Partial<Row> = {}, college = "测试学院"): Row {
  const gender = overrides["性别"] === "女" ? "女" : "男";
  const birth = overrides["出生日期"] ?? "2005-04-0" + randomInt(1, 10);
  return {
    姓名: "张三",
    性别: gender,
    出生日期: birth,
    民族: "汉族",
    证件类型: "居民身份证",
    证件号码: idNumberFor(birth, gender),
    层次: "本科",
    专业: "测试专业",
    学制: "4",
    学历类别: "普通",
    学习形式: "普通全日制",
    分院: college,
    "系(所、函授站)": "测试系",
    班级: `${college}2301班`,
    学号: studentNumber(),
    入学日期: "2023-09-01",
    预计毕业日期: "2027-06-30",
    学籍状态: "在籍(注册学籍)",
    ...overrides,
  };
}

const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export function toCsv(rows: Row[], headers: readonly string[] = ROSTER_HEADERS): string {
  return (
    [
      headers.join(","),
      ...rows.map((r) => headers.map((h) => quote(r[h as keyof Row] ?? "")).join(",")),
    ].join("\r\n") + "\r\n"
  );
}

export async function toXlsx(rows: Row[], headers: readonly string[] = ROSTER_HEADERS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("学籍名单");
  sheet.addRow([...headers]);
  for (const r of rows) sheet.addRow(headers.map((h) => r[h as keyof Row] ?? ""));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function registrarActor(staffUserId = "staff-registrar-test"): StaffActor {
  return {
    kind: "staff",
    staffUserId,
    username: "registrar-test",
    displayName: "测试学籍科",
    sessionId: "s-test",
    roles: ["registrar"],
    collegeIds: [],
    mustChangePassword: false,
  };
}

export function collegeActor(collegeIds: string[], staffUserId = "staff-college-test"): StaffActor {
  return { ...registrarActor(staffUserId), username: "college-test", roles: ["college"], collegeIds };
}
