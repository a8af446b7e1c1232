import { describe, expect, it } from "vitest";
import { maskPhone, parsePhone } from "@/lib/identity/phone";
import { maskEmail, parseEmail } from "@/lib/identity/email";

describe("parsePhone (手机号)", () => {
  it.each([
    ["13800138000", "13800138000"],
    ["138 0013 8000", "13800138000"],
    ["138-0013-8000", "13800138000"],
    ["+86 13800138000", "13800138000"],
    ["008613800138000", "13800138000"],
    ["１３８００１３８０００", "13800138000"],
    ["19912345678", "19912345678"],
  ])("accepts %s", (input, expected) => {
    expect(parsePhone(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    "",
    "1380013800",
    "138001380001",
    "12800138000",
    "23800138000",
    "1380013800a",
    "+85261234567",
    "010-88886666",
  ])("refuses %s", (input) => {
    expect(parsePhone(input)).toEqual({ ok: false });
  });

  it("masks the middle four digits", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
  });
});

describe("parseEmail", () => {
  it("normalises case and spaces", () => {
    expect(parseEmail("  Zhang.San@Example.EDU.cn ")).toEqual({
      ok: true,
      value: "zhang.san@example.edu.cn",
    });
  });
  it.each(["", "no-at-sign", "a@b", "a@@b.cn", "a b@c.cn"])("refuses %s", (input) => {
    expect(parseEmail(input).ok).toBe(false);
  });
  it("masks the local part", () => {
    expect(maskEmail("zhangsan@example.edu.cn")).toBe("z***@example.edu.cn");
  });
});
