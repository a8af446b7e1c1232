import { describe, expect, it } from "vitest";
import { parseCalendarDate, parseRequestedValue, sameValue } from "@/lib/corrections/values";
import { checkDigitFor } from "@/lib/identity/id-number";
import { CORRECTABLE_FIELDS, HIGH_RISK_FIELDS, hasHighRiskField, RECORD_FIELDS } from "@/lib/records/fields";

const TODAY = new Date("2026-11-25T00:00:00Z");
const ctx = { idType: "resident_id", today: TODAY };
const valid = "42010620050312031" + checkDigitFor("42010620050312031");

describe("parseRequestedValue", () => {
  it.each([
    ["name", " 王 小明 ", "王小明"],
    ["name", "阿依古丽•买买提", "阿依古丽·买买提"],
    ["gender", "女", "女"],
    ["ethnicity", "维吾尔族", "维吾尔族"],
    ["idNumber", valid.slice(0, 17) + valid[17].toLowerCase(), valid],
    ["birthDate", "2005/3/9", "2005-03-09"],
    ["birthDate", "２００５－０３－０９", "2005-03-09"],
    ["enrolledOn", "2023年9月1日", "2023-09-01"],
    ["duration", "4年", "4"],
    ["duration", "2.5", "2.5"],
    ["studentNumber", " 2023 0101 0002 ", "202301010002"],
    ["department", "  软件工程系 ", "软件工程系"],
    ["major", "数据科学与大数据技术", "数据科学与大数据技术"],
  ] as const)("%s %j → %j", (field, raw, expected) => {
    expect(parseRequestedValue(field, raw, ctx)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["name", "王", "name"],
    ["name", "王1明", "name"],
    ["gender", "男性", "gender"],
    ["ethnicity", "火星族", "ethnicity"],
    ["idNumber", valid.slice(0, 17) + (valid[17] === "1" ? "2" : "1"), "idNumber"],
    ["birthDate", "2005-02-30", "date"],
    ["birthDate", "2030-01-01", "date"],
    ["birthDate", "1899-12-31", "date"],
    ["enrolledOn", "20230901", "date"],
    ["duration", "四年", "duration"],
    ["duration", "13", "duration"],
    ["studentNumber", "学号123", "studentNumber"],
    ["department", "<script>", "text"],
    ["department", "系".repeat(51), "text"],
    ["level", "   ", "required"],
  ] as const)("%s %j is refused (%s)", (field, raw, reason) => {
    expect(parseRequestedValue(field, raw, ctx)).toEqual({
      ok: false,
      key: `corrections.errors.value.${reason}`,
    });
  });

  it("validates an ID number by the record's ID type", () => {
    expect(parseRequestedValue("idNumber", "E12345678", { idType: "passport", today: TODAY })).toEqual({
      ok: true,
      value: "E12345678",
    });
    expect(parseRequestedValue("idNumber", "E12345678", ctx)).toMatchObject({ ok: false });
  });
});

describe("parseCalendarDate", () => {
  it("accepts leap days only in leap years", () => {
    expect(parseCalendarDate("2004-02-29", TODAY)).toBe("2004-02-29");
    expect(parseCalendarDate("2005-02-29", TODAY)).toBeNull();
  });
});

describe("sameValue", () => {
  it.each([
    ["duration", "4", "4年", true],
    ["department", "软件 工程系", "软件工程系", true],
    ["studentNumber", "s1", "S1", true],
    ["department", "软件工程系", "计算机科学系", false],
  ] as const)("%s %j vs %j → %s", (field, a, b, expected) => {
    expect(sameValue(field, a, b)).toBe(expected);
  });
});

describe("field lists", () => {
  it("every shown field except 学校名称 and 学籍状态 can be corrected", () => {
    expect(RECORD_FIELDS.filter((f) => !CORRECTABLE_FIELDS.includes(f))).toEqual(["schoolName", "status"]);
  });
  it("high-risk fields are exactly 姓名, 证件号码, 出生日期, 性别, 民族", () => {
    expect([...HIGH_RISK_FIELDS].sort()).toEqual(["birthDate", "ethnicity", "gender", "idNumber", "name"]);
    expect(hasHighRiskField(["department", "ethnicity"])).toBe(true);
    expect(hasHighRiskField(["department", "major"])).toBe(false);
  });
});
