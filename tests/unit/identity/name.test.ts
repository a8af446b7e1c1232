import { describe, expect, it } from "vitest";
import { nameKey, parseName } from "@/lib/identity/name";

describe("parseName (姓名)", () => {
  it.each([
    ["two characters", "王芳", "王芳"],
    ["compound surname", "欧阳娜娜", "欧阳娜娜"],
    ["leading, trailing and inner spaces removed", " 张 三 ", "张三"],
    ["ideographic space", "李\u3000四", "李四"],
    ["minority name with middle dot", "阿依古丽·买买提", "阿依古丽·买买提"],
    ["katakana middle dot unified", "阿依古丽・买买提", "阿依古丽·买买提"],
    ["bullet unified", "热依扎•艾力", "热依扎·艾力"],
    ["CJK extension B character", "𠮷田", "𠮷田"],
    ["rare character 䶮", "刘䶮", "刘䶮"],
    ["Latin name upper-cased, spaces collapsed", "john   smith", "JOHN SMITH"],
    // the separators people type between the parts of a minority name, all stored as U+00B7
    ["a space between minority name parts", "依明 阿布都热依木", "依明·阿布都热依木"],
    ["an ideographic space between parts", "依明\u3000阿布都热依木", "依明·阿布都热依木"],
    ["a run of spaces between parts", "依明   阿布都热依木", "依明·阿布都热依木"],
    ["an ASCII period", "依明.阿布都热依木", "依明·阿布都热依木"],
    ["a full-width period", "依明．阿布都热依木", "依明·阿布都热依木"],
    ["a bullet", "依明•阿布都热依木", "依明·阿布都热依木"],
    ["a katakana middle dot", "依明・阿布都热依木", "依明·阿布都热依木"],
    ["a half-width katakana middle dot", "依明･阿布都热依木", "依明·阿布都热依木"],
    ["a hyphenation point", "依明‧阿布都热依木", "依明·阿布都热依木"],
    ["spaces around a dot", "依明 · 阿布都热依木", "依明·阿布都热依木"],
    ["three parts", "阿依古丽 买买提.艾力", "阿依古丽·买买提·艾力"],
    ["a zero-width space pasted from chat", "依明\u200B阿布都热依木", "依明·阿布都热依木"],
  ])("accepts %s", (_label, input, expected) => {
    expect(parseName(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["empty", "", "empty"],
    ["only spaces", "   ", "empty"],
    ["one character", "王", "format"],
    ["one CJK extension character", "𠮷", "format"],
    ["digits", "王2", "format"],
    ["dot at the start", "·买买提", "format"],
    ["double dot", "阿依古丽··买买提", "format"],
    ["punctuation", "王!芳", "format"],
    ["mixed Han and Latin", "王Fang", "format"],
    ["a period at the start", ".依明阿布都热依木", "format"],
    ["a full-width period at the end", "依明阿布都热依木．", "format"],
    ["two periods in a row", "依明..阿布都热依木", "format"],
    ["a period and a bullet in a row", "依明.•阿布都热依木", "format"],
    ["only separators", " ·  ", "format"],
    ["only zero-width characters", "\u200B\u200B", "empty"],
  ])("refuses %s", (_label, input, reason) => {
    const result = parseName(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(reason);
  });

  it("flags traditional characters with the simplified form", () => {
    expect(parseName("張偉")).toEqual({ ok: false, reason: "traditional", suggestion: "张伟" });
  });

  it("keeps a traditional form on request (surnames such as 於)", () => {
    expect(parseName("於明", { keepTraditional: true })).toEqual({ ok: true, value: "於明" });
  });

  it("nameKey compares names regardless of dot variant and spacing", () => {
    expect(nameKey("阿依古丽・买买提")).toBe(nameKey(" 阿依古丽·买买提"));
  });

  it("nameKey ignores every separator, so a typed name finds the roster's spelling", () => {
    const roster = nameKey("依明·阿布都热依木");
    for (const typed of ["依明 阿布都热依木", "依明.阿布都热依木", "依明．阿布都热依木", "依明阿布都热依木"])
      expect(nameKey(typed)).toBe(roster);
    expect(nameKey("依明·阿布都热依木")).not.toBe(nameKey("依明·阿布都热"));
  });

  it("stores U+00B7 and nothing else between parts", () => {
    const parsed = parseName("依明．阿布都热依木");
    expect(parsed.ok && [...parsed.value].map((c) => c.codePointAt(0)!.toString(16))).toContain("b7");
  });
});
