import { describe, expect, it } from "vitest";
import { analyseHeader, ROSTER_HEADERS, type RosterField } from "@/lib/roster-import/columns";
import { parseRosterDate } from "@/lib/roster-import/dates";
import { detectEncoding } from "@/lib/roster-import/encoding";
import { validateRow } from "@/lib/roster-import/validate";
import { diffRecord, type ExistingRecord } from "@/lib/roster-import/diff";
import iconv from "iconv-lite";

const header = analyseHeader(ROSTER_HEADERS);
if (!header.ok) throw new Error("template header must be valid");
const positions = header.positions;

const GOOD: Record<string, string> = {
  姓名: "张三",
  性别: "男",
  出生日期: "2005-03-12",
  民族: "汉族",
  证件类型: "居民身份证",
  证件号码: "110105200503120012",
  层次: "本科",
  专业: "计算机科学与技术",
  学制: "4",
  学历类别: "普通",
  学习形式: "普通全日制",
  分院: "计算机学院",
  "系(所、函授站)": "计算机系",
  班级: "计算机2301班",
  学号: "202301019999",
  入学日期: "2023-09-01",
  预计毕业日期: "2027-06-30",
  学籍状态: "在籍(注册学籍)",
};
const cells = (over: Record<string, string | number | Date> = {}) =>
  ROSTER_HEADERS.map((h) => (h in over ? over[h] : GOOD[h]));
const keys = (over: Record<string, string | number | Date>) => {
  const r = validateRow(cells(over), positions, new Date("2026-11-25"));
  return r.ok ? [] : r.issues.map((i) => `${i.field}:${i.key}`);
};

describe("roster header", () => {
  it.each([
    ["exact template", ROSTER_HEADERS, true],
    [
      "any order, extra column, full-width parentheses",
      ["备注", ...[...ROSTER_HEADERS].reverse().map((h) => h.replace("(", "(").replace(")", ")"))],
      true,
    ],
    ["missing 证件号码", ROSTER_HEADERS.filter((h) => h !== "证件号码"), false],
    ["duplicated 学号", [...ROSTER_HEADERS, "学号"], false],
  ])("%s", (_label, row, ok) => {
    const result = analyseHeader(row);
    expect(result.ok).toBe(ok);
  });
  it("names the missing columns and the ignored ones", () => {
    const result = analyseHeader(["姓名", "备注"]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.missing).toContain("证件号码");
      expect(result.ignored).toEqual(["备注"]);
    }
  });
});

describe("roster dates", () => {
  it.each([
    ["2023-09-01", "2023-09-01"],
    ["2023/09/01", "2023-09-01"],
    ["2023/9/1", "2023-09-01"],
    [" 2023-9-1 ", "2023-09-01"],
    [new Date(Date.UTC(2023, 8, 1)), "2023-09-01"],
    [45170, "2023-09-01"],
    ["20230901", null],
    ["2023年9月1日", null],
    ["01/09/2023", null],
    ["2023-02-30", null],
    ["", null],
    [45170.5, null],
  ])("%s → %s", (input, expected) => {
    expect(parseRosterDate(input)).toBe(expected);
  });
});

describe("roster row validation", () => {
  it("accepts a good row and normalises it", () => {
    const r = validateRow(cells({ 证件号码: "11010520050312001２", 学号: " 202301019999 " }), positions);
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.row).toMatchObject({
        idNumber: "110105200503120012",
        idType: "resident_id",
        cohort: "2023",
        studentNumber: "202301019999",
      });
  });
  it.each<[string, Record<string, string | number | Date>, string[]]>([
    ["wrong check digit", { 证件号码: "110105200503120013" }, ["idNumber:idCheckDigit"]],
    ["birth date disagrees with the ID number", { 出生日期: "2005-03-13" }, ["birthDate:birthMismatch"]],
    ["gender disagrees with the ID number", { 性别: "女" }, ["gender:genderMismatch"]],
    ["date in the wrong format", { 入学日期: "2023.09.01" }, ["enrolledOn:dateFormat"]],
    ["empty name", { 姓名: "  " }, ["name:nameEmpty"]],
    ["one-character name", { 姓名: "张" }, ["name:nameFormat"]],
    ["gender not 男/女", { 性别: "M" }, ["gender:gender"]],
    ["unknown ID type", { 证件类型: "军官证" }, ["idType:idType"]],
    ["empty 班级", { 班级: "" }, ["classGroup:required"]],
    [
      "graduation before enrolment",
      { 预计毕业日期: "2023-06-30" },
      ["expectedGraduationOn:graduationBeforeEnrolment"],
    ],
    ["bad 学号", { 学号: "12/34" }, ["studentNumber:studentNumberFormat"]],
  ])("%s", (_label, over, expected) => {
    expect(keys(over)).toEqual(expected);
  });
  it("a passport carries no birth date: no agreement check", () => {
    expect(keys({ 证件类型: "护照", 证件号码: "E12345678" })).toEqual([]);
  });
});

describe("encoding detection", () => {
  it.each([
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("姓名,性别")]), "utf8"],
    ["UTF-8", Buffer.from("姓名,性别\n张三,男"), "utf8"],
    ["GB18030", iconv.encode("姓名,性别\n张三,男", "gb18030"), "gb18030"],
    [
      "UTF-16LE with BOM",
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode("姓名", "utf16le")]),
      "utf16le",
    ],
    ["UTF-8 cut inside a character", Buffer.from("姓名").subarray(0, 4), "utf8"],
  ])("%s", (_label, bytes, expected) => {
    expect(detectEncoding(bytes)).toBe(expected);
  });
});

describe("diff against the stored record", () => {
  const existing: ExistingRecord = {
    id: "r1",
    studentNumber: "202301019999",
    name: "张三",
    gender: "男",
    birthDate: "2005-03-12",
    ethnicity: "汉族",
    idType: "resident_id",
    idNumberIndex: "idx",
    idMasked: "1****************2",
    level: "本科",
    majorId: "m1",
    duration: "4",
    educationCategory: "普通",
    studyMode: "普通全日制",
    collegeId: "c1",
    department: "计算机系",
    classGroupId: "g1",
    enrolledOn: "2023-09-01",
    expectedGraduationOn: "2027-06-30",
    status: "在籍(注册学籍)",
    cohort: "2023",
    version: 1,
    accountId: null,
    examNumberIndex: null,
  };
  const names = {
    college: () => "计算机学院",
    major: () => "计算机科学与技术",
    classGroup: () => "计算机2301班",
  };
  const row = validateRow(cells(), positions);
  if (!row.ok) throw new Error("good row");
  it("same values → no change", () => {
    expect(
      diffRecord(existing, row.row, { collegeId: "c1", majorId: "m1", classGroupId: "g1" }, "idx", names),
    ).toEqual([]);
  });
  it("lists changed fields with readable before/after", () => {
    const changes = diffRecord(
      existing,
      { ...row.row, ethnicity: "回族" },
      { collegeId: "c1", majorId: "m1", classGroupId: "g2" },
      "other",
      names,
    );
    expect(changes.map((c) => c.field as RosterField).sort()).toEqual([
      "classGroup",
      "ethnicity",
      "idNumber",
    ]);
    expect(changes.find((c) => c.field === "idNumber")?.after).toBe("1****************2");
  });
});

describe("the optional 考生号 column", () => {
  it("is found under its usual names, full-width or spaced, and is never required", () => {
    for (const name of ["考生号", "高考考生号", "考生编号", " 考 生 号 "]) {
      const result = analyseHeader([...ROSTER_HEADERS, name]);
      expect(result).toMatchObject({ ok: true, examNumber: ROSTER_HEADERS.length, ignored: [] });
    }
    expect(analyseHeader(ROSTER_HEADERS)).toMatchObject({ ok: true, examNumber: null });
    expect(analyseHeader([...ROSTER_HEADERS, "考生号", "高考考生号"])).toMatchObject({
      ok: false,
      duplicated: ["考生号"],
    });
  });

  it("takes 14 digits (full-width and spaces normalised), an empty cell, and refuses anything else", () => {
    const at = ROSTER_HEADERS.length;
    const withExam = (value: string) =>
      validateRow([...cells(), value], positions, new Date("2026-11-25"), at);
    expect(withExam("２３１１０１０１２３４５６７")).toMatchObject({
      ok: true,
      row: { examNumber: "23110101234567" },
    });
    expect(withExam(" 23110101234567 ")).toMatchObject({ ok: true, row: { examNumber: "23110101234567" } });
    expect(withExam("")).toMatchObject({ ok: true, row: { examNumber: "" } });
    expect(withExam("2311010123456")).toMatchObject({
      ok: false,
      issues: [{ field: "examNumber", key: "examNumberFormat" }],
    });
  });
});
