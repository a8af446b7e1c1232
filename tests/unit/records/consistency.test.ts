import { describe, expect, it } from "vitest";
import { checkDigitFor } from "@/lib/identity/id-number";
import { consistencyHints } from "@/lib/records/consistency";

const id = (first17: string) => first17 + checkDigitFor(first17);
const MALE_20050312 = id("42010620050312031");
const FEMALE_20050721 = id("33010620050721024");

describe("consistency hints: birth date and gender against the ID number", () => {
  it.each([
    ["all agree", MALE_20050312, "2005-03-12", "男", []],
    [
      "birth date differs",
      MALE_20050312,
      "2005-03-21",
      "男",
      [{ field: "birthDate", fromIdNumber: "2005-03-12" }],
    ],
    ["gender differs", FEMALE_20050721, "2005-07-21", "男", [{ field: "gender", fromIdNumber: "女" }]],
    [
      "both differ",
      FEMALE_20050721,
      "2005-07-12",
      "男",
      [
        { field: "birthDate", fromIdNumber: "2005-07-21" },
        { field: "gender", fromIdNumber: "女" },
      ],
    ],
  ])("%s", (_label, idNumber, birthDate, gender, expected) => {
    expect(consistencyHints({ idType: "resident_id", idNumber, birthDate, gender })).toEqual(expected);
  });

  it("says nothing for passports and other numbers that encode neither", () => {
    expect(
      consistencyHints({ idType: "passport", idNumber: "E12345678", birthDate: "2005-01-01", gender: "男" }),
    ).toEqual([]);
    expect(
      consistencyHints({ idType: "other", idNumber: "ABC-123", birthDate: "2005-01-01", gender: "男" }),
    ).toEqual([]);
  });

  it("covers residence permits (same layout)", () => {
    const hk = id("81000020050312031");
    expect(
      consistencyHints({ idType: "hk_macao_residence", idNumber: hk, birthDate: "2005-03-13", gender: "男" }),
    ).toEqual([{ field: "birthDate", fromIdNumber: "2005-03-12" }]);
  });
});
