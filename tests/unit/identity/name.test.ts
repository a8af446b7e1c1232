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
});
