import { describe, expect, it } from "vitest";
import { auditCsvCell as csvCell, maskIdNumbersIn, readableJson } from "@/lib/admin/audit-scrub";

describe("maskIdNumbersIn", () => {
  it.each([
    ['{"idNumber":"11010119900307123X"}', '{"idNumber":"1****************X"}'],
    ["id 11010119900307123x here", "id 1****************X here"],
    ["old 110101900307123 number", "old 1*************3 number"],
    ["phone 13800000001 stays", "phone 13800000001 stays"],
    ["timestamp 1767225600000 stays", "timestamp 1767225600000 stays"],
    ["a longer run 1101011990030712345678 stays", "a longer run 1101011990030712345678 stays"],
    ["key abc11010119900307123X stays", "key abc11010119900307123X stays"],
  ])("%s", (input, expected) => {
    expect(maskIdNumbersIn(input)).toBe(expected);
  });
});

describe("readableJson", () => {
  it("pretty-prints stored JSON and masks inside it", () => {
    expect(readableJson('{"a":1,"id":"11010119900307123X"}')).toBe(
      '{\n  "a": 1,\n  "id": "1****************X"\n}',
    );
  });
  it("shows text that is not JSON as it is, and nothing for null", () => {
    expect(readableJson("plain")).toBe("plain");
    expect(readableJson(null)).toBe("");
  });
});

describe("csvCell", () => {
  it.each([
    ["plain", '"plain"'],
    ['say "hi"', '"say ""hi"""'],
    ["=SUM(A1)", `"'=SUM(A1)"`],
    ["+1", `"'+1"`],
    ["-1", `"'-1"`],
    ["@x", `"'@x"`],
    [null, '""'],
  ])("%s", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});
