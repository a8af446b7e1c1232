import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkPassword,
  passwordFieldErrors,
  PASSWORD_MAX,
  PASSWORD_MIN,
} from "@/lib/accounts/password-policy";

const list = new Set(
  readFileSync(path.resolve("lib/security/common-passwords.txt"), "utf8").split("\n").filter(Boolean),
);
const isCommon = (p: string) => list.has(p.toLowerCase());
const ctx = { phone: "13912345678", idNumber: "11010519491231002X", name: "张伟" };

describe("the shipped common-password list", () => {
  it("has at least 10,000 distinct lower-case entries of 8+ characters", () => {
    expect(list.size).toBeGreaterThanOrEqual(10_000);
    for (const entry of list) {
      expect(entry).toBe(entry.toLowerCase());
      expect([...entry].length).toBeGreaterThanOrEqual(8);
    }
  });
  it.each([
    "12345678",
    "password",
    "password1",
    "qwertyuiop",
    "1qaz2wsx",
    "woaini1314",
    "wodemima",
    "88888888",
    "20000101",
    "zhang1990",
    "p@ssw0rd",
    "iloveyou520",
    "abc123456",
  ])("contains %s", (p) => expect(list.has(p)).toBe(true));
});

describe("checkPassword (SPEC §2.1)", () => {
  it.each([
    ["", "required"],
    ["1234567", "tooShort"],
    ["短短的七个字", "tooShort"],
    ["PASSWORD1", "common"],
    ["Qwertyuiop", "common"],
    ["19990909", "common"],
    ["my13912345678", "containsPhone"],
    ["x11010519491231002x", "containsIdNumber"],
    ["pw110105491231002", "containsIdNumber"],
    ["我叫张伟今年十八", "containsName"],
    ["我叫张 伟今年十八", "containsName"],
    ["a".repeat(PASSWORD_MAX + 1), "tooLong"],
  ])("%j → %s", (password, problem) => {
    expect(checkPassword(password, ctx, isCommon)).toBe(problem);
  });

  it.each([
    "correct horse battery staple",
    "春眠不觉晓处处闻啼鸟",
    "𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇", // 8 code points from CJK Extension B (16 UTF-16 units)
    "a".repeat(128),
    "a".repeat(PASSWORD_MAX),
    "8 chars!",
  ])("accepts %j (no composition rules)", (password) => {
    expect(checkPassword(password, ctx, isCommon)).toBeNull();
  });

  it("counts code points, not UTF-16 units", () => {
    expect(checkPassword("𠀀𠀁𠀂𠀃𠀄𠀅𠀆", {}, () => false)).toBe("tooShort");
    expect(PASSWORD_MIN).toBe(8);
  });

  it("treats NFC and NFD spellings as one", () => {
    const nfd = "cafe\u0301 au lait";
    expect(checkPassword(nfd, {}, () => false)).toBeNull();
  });

  it("reports a mismatch at the confirmation field", () => {
    expect(passwordFieldErrors("春眠不觉晓处处闻啼鸟", "春眠不觉晓", ctx, isCommon)).toEqual({
      confirmPassword: { key: "passwords.mismatch", params: { min: 8, max: 256 } },
    });
    expect(passwordFieldErrors("春眠不觉晓处处闻啼鸟", "春眠不觉晓处处闻啼鸟", ctx, isCommon)).toBeNull();
  });
});
