import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "@/lib/core/csv";

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    [" padded ", '" padded "'],
    ["=1+1", "'=1+1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["-2,3", `"'-2,3"`],
    [null, ""],
    [42, "42"],
  ])("%j → %s", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("keeps values for a file the portal reads back, and quotes every cell when asked", () => {
    expect(csvCell("=1+1", { formulas: "keep" })).toBe("=1+1");
    expect(csvCell("x", { quote: "always" })).toBe('"x"');
    expect(csvLine(["a", "b,c", 3])).toBe('a,"b,c",3');
  });
});
