import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkPassword, isCommonAfterNormalising, passwordMessage } from "@/lib/accounts/password-policy";
import en from "@/lib/i18n/messages/en/passwords.json";
import zh from "@/lib/i18n/messages/zh-CN/passwords.json";
import enAdmin from "@/lib/i18n/messages/en/admin.json";
import zhAdmin from "@/lib/i18n/messages/zh-CN/admin.json";

const list = new Set(
  readFileSync(path.resolve("lib/security/common-passwords.txt"), "utf8").split("\n").filter(Boolean),
);
const isCommon = (p: string) => list.has(p.toLowerCase());
const ctx = {
  phone: "13912345678",
  idNumber: "11010519491231002X",
  name: "张伟",
  siteWords: ["示范大学", "示范"],
};

describe("weak passwords the first rule set let through", () => {
  it.each([
    "        ",
    "\t\t\t\t\t\t\t\t",
    "\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000",
    "  \u200b     \u00a0 ",
  ])("refuses the all-whitespace password %j", (password) => {
    expect(checkPassword(password, ctx, isCommon)).toBe("blank");
  });

  it.each([
    "Password1!",
    "PASSWORD123",
    "password!!",
    "Qwerty123!",
    "qwerty123456#",
    "Woaini1314!!",
    "iloveyou2024",
  ])("refuses %j: a common password under case and trailing digits/symbols", (password) => {
    expect(checkPassword(password, ctx, isCommon)).toBe("common");
  });

  it.each([
    "chsi2023",
    "CHSI-password-x",
    "学信网的密码是这个",
    "myxuexin2024!",
    "我爱学籍自查平台",
    "示范大学2024",
    "shifan示范123",
  ])("refuses %j: it contains the product's, 学信网's or the school's name", (password) => {
    expect(checkPassword(password, ctx, isCommon)).toBe("containsSiteWord");
  });

  it("still refuses the person's phone, ID number and name", () => {
    expect(checkPassword("my13912345678", ctx, isCommon)).toBe("containsPhone");
    expect(checkPassword("x11010519491231002x", ctx, isCommon)).toBe("containsIdNumber");
    expect(checkPassword("我是张伟不是别人", ctx, isCommon)).toBe("containsName");
  });

  it.each([
    "春眠不觉晓处处闻啼鸟",
    "correct horse battery staple",
    "我爱北京天安门2024",
    "Tr0ub4dor&3-ok!",
    "  spaces around ok  ",
  ])("accepts the decent password %j", (password) => {
    expect(checkPassword(password, ctx, isCommon)).toBeNull();
  });

  it("strips only trailing decoration: a word in the middle is not judged by its head", () => {
    expect(isCommonAfterNormalising("password", isCommon)).toBe(true);
    expect(isCommonAfterNormalising("passwordsareforgotten", isCommon)).toBe(false);
    expect(isCommonAfterNormalising("123!@#", isCommon)).toBe(false);
  });

  it("every new refusal has its message in both languages, for students and staff", () => {
    for (const problem of ["blank", "containsSiteWord"] as const) {
      const key = passwordMessage(problem).key.replace("passwords.", "") as keyof typeof en;
      expect(en[key]).toBeTruthy();
      expect(zh[key as keyof typeof zh]).toBeTruthy();
      expect(enAdmin.password[problem]).toBeTruthy();
      expect(zhAdmin.password[problem]).toBeTruthy();
    }
  });
});
