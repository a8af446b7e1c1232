import { describe, expect, it } from "vitest";
import {
  checkDigitFor,
  convert15To18,
  factsFromIdNumber,
  maskIdNumber,
  normalizeIdNumber,
  parseIdNumber,
  parseResidentIdNumber,
} from "@/lib/identity/id-number";

const TODAY = new Date("2026-11-25T00:00:00Z");
const withCheck = (first17: string) => first17 + checkDigitFor(first17);

describe("GB 11643 check digit", () => {
  it.each([
    ["11010519491231002", "X"],
    ["44052418800101001", "4"],
    ["42010619990101001", "5"],
  ])("%s → %s", (first17, digit) => {
    expect(checkDigitFor(first17)).toBe(digit);
  });
});

describe("parseResidentIdNumber", () => {
  const valid = "11010519491231002X";
  it.each([
    ["canonical", valid, valid],
    ["lower-case x", "11010519491231002x", valid],
    ["spaces inside", "110105 19491231 002X", valid],
    ["full-width digits and letter", "１１０１０５１９４９１２３１００２Ｘ", valid],
    ["ideographic space and tabs", "\u3000110105\t19491231002x ", valid],
  ])("accepts %s", (_label, input, expected) => {
    expect(parseResidentIdNumber(input, TODAY)).toEqual({ ok: true, value: expected });
  });

  it("converts a valid 15-digit number to 18 digits", () => {
    const result = parseResidentIdNumber("110105491231002", TODAY);
    expect(result).toEqual({ ok: true, value: valid, converted15: true });
    expect(convert15To18("110105491231002")).toBe(valid);
  });

  it.each([
    ["empty", "", "empty"],
    ["only spaces", "   ", "empty"],
    ["wrong check digit", "110105194912310021", "checkDigit"],
    ["17 digits", "11010519491231002", "format"],
    ["19 characters", "11010519491231002X1", "format"],
    ["letter inside", "1101051949123100AX", "format"],
    ["X not last", "X10105194912310021", "format"],
    ["February 30th", withCheck("11010520000230001"), "birthDate"],
    ["month 13", withCheck("11010520001301001"), "birthDate"],
    ["born in the future", withCheck("11010520300101001"), "birthDate"],
    ["born before 1900", withCheck("11010518991231001"), "birthDate"],
    ["unknown region", withCheck("99010520000101001"), "region"],
    ["15-digit with impossible date", "110105491331002", "birthDate"],
    ["15-digit unknown region", "990105491231002", "region"],
  ])("refuses %s", (_label, input, reason) => {
    expect(parseResidentIdNumber(input, TODAY)).toEqual({ ok: false, reason });
  });

  it("accepts 29 February in a leap year only", () => {
    expect(parseResidentIdNumber(withCheck("11010520000229001"), TODAY).ok).toBe(true);
    expect(parseResidentIdNumber(withCheck("11010520010229001"), TODAY)).toEqual({
      ok: false,
      reason: "birthDate",
    });
  });
});

describe("parseIdNumber per 证件类型", () => {
  it("resident ID refuses Hong Kong/Macao/Taiwan residence permit numbers", () => {
    expect(parseIdNumber("resident_id", withCheck("81000019990101001"), TODAY)).toEqual({
      ok: false,
      reason: "region",
    });
  });
  it("港澳居民居住证 needs 810000 or 820000", () => {
    expect(parseIdNumber("hk_macao_residence", withCheck("81000019990101001"), TODAY).ok).toBe(true);
    expect(parseIdNumber("hk_macao_residence", withCheck("82000019990101001"), TODAY).ok).toBe(true);
    expect(parseIdNumber("hk_macao_residence", withCheck("11010519990101001"), TODAY)).toEqual({
      ok: false,
      reason: "region",
    });
  });
  it("台湾居民居住证 needs 830000", () => {
    expect(parseIdNumber("taiwan_residence", withCheck("83000019990101001"), TODAY).ok).toBe(true);
    expect(parseIdNumber("taiwan_residence", withCheck("81000019990101001"), TODAY).ok).toBe(false);
  });
  it.each([
    ["E12345678", true],
    ["g 1234 5678", true],
    ["12", false],
    ["AB-12345", false],
  ])("passport %s → %s", (input, ok) => {
    expect(parseIdNumber("passport", input, TODAY).ok).toBe(ok);
  });
  it("other: 4–30 letters, digits, dashes and brackets", () => {
    expect(parseIdNumber("other", "A(123)-45", TODAY).ok).toBe(true);
    expect(parseIdNumber("other", "ab", TODAY)).toEqual({ ok: false, reason: "format" });
    expect(parseIdNumber("other", "", TODAY)).toEqual({ ok: false, reason: "empty" });
  });
});

describe("facts and masking", () => {
  it("reads birth date and gender (17th digit odd = 男)", () => {
    expect(factsFromIdNumber("11010519491231002X")).toEqual({ birthDate: "1949-12-31", gender: "女" });
    expect(factsFromIdNumber(withCheck("11010520000101001"))).toEqual({
      birthDate: "2000-01-01",
      gender: "男",
    });
    expect(factsFromIdNumber("not an id")).toBeNull();
  });
  it("masks all but the first and last character", () => {
    expect(maskIdNumber("11010519491231002X")).toBe("1****************X");
    expect(maskIdNumber("11010519491231002X")).toHaveLength(18);
  });
  it("normalises without validating", () => {
    expect(normalizeIdNumber(" １１０ x ")).toBe("110X");
  });
});
