import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fullWidthPunctuation, zhStyleProblems } from "@/lib/i18n/zh-style";

const DIR = path.join(__dirname, "../../../lib/i18n/messages");

/** Every string of a catalogue with its dotted key. */
function strings(value: unknown, at: string): [string, string][] {
  if (typeof value === "string") return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => strings(v, `${at}.${k}`));
  return [];
}

function catalogue(locale: string): [string, string][] {
  return readdirSync(path.join(DIR, locale))
    .filter((f) => f.endsWith(".json"))
    .flatMap((f) =>
      strings(JSON.parse(readFileSync(path.join(DIR, locale, f), "utf8")), f.replace(/\.json$/, "")),
    );
}

describe("zh-CN catalogue house style (fix with: npx tsx scripts/zh-punctuation.ts)", () => {
  it("addresses the reader as 您 and uses full-width punctuation in Chinese text", () => {
    const problems = catalogue("zh-CN").flatMap(([key, text]) =>
      zhStyleProblems(text).map((p) => `${key}: ${p}: ${text}`),
    );
    expect(problems).toEqual([]);
  });

  it("has the same keys in both languages", () => {
    const keys = (locale: string) => new Set(catalogue(locale).map(([key]) => key.replace(/\[\d+\]$/, "[]")));
    const zh = keys("zh-CN");
    const en = keys("en");
    expect([...zh].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !zh.has(k))).toEqual([]);
  });
});

describe("fullWidthPunctuation", () => {
  it.each([
    ["请输入11位手机号码,仅支持大陆地区手机号", "请输入11位手机号码，仅支持大陆地区手机号"],
    ["姓名不能为空!", "姓名不能为空！"],
    ["确认将 {email} 绑定为您的安全邮箱?", "确认将 {email} 绑定为您的安全邮箱？"],
    ["当前手机号:{phone}", "当前手机号：{phone}"],
    ["系(所、函授站)", "系（所、函授站）"],
    ["(选填)安全邮箱", "（选填）安全邮箱"],
    ["XLSX,最大 64 MB", "XLSX，最大 64 MB"],
    ["验证新的号码;三项都留空", "验证新的号码；三项都留空"],
    ["当前自查批次：{name},{start} 至 {end}", "当前自查批次：{name}，{start} 至 {end}"],
  ])("%s → %s", (input, output) => {
    expect(fullWidthPunctuation(input)).toBe(output);
  });

  it.each([
    "{count, plural, =0 {目前没有其他账号。} other {目前有 # 个其他账号。}}",
    "https://example.edu.cn/help",
    "工作日 8:30–11:30",
    "Sign in (phone, ID number or e-mail)",
    "1**************0",
    "{start},{end}",
  ])("leaves %s alone", (text) => {
    expect(fullWidthPunctuation(text)).toBe(text);
  });

  it("flags 你", () => {
    expect(zhStyleProblems("你的学籍")).toEqual(["uses 你 (write 您)"]);
  });
});
