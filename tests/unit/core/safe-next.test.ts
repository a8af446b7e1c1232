import { describe, expect, it } from "vitest";
import { safeNextPath, safeRedirectUrl } from "@/lib/core/safe-next";

/** What a browser does with a value a server might echo into Location (backslash = slash, tabs dropped). */
const hostile = [
  "/\\evil.example/x",
  "/%5Cevil.example/x",
  "/%5cevil.example/x",
  "/%255Cevil.example/x",
  "/\t/evil.example",
  "/%09/evil.example",
  "/\n/evil.example",
  "/%0A/evil.example",
  "/%0d%0a/evil.example",
  "/\u0000/evil.example",
  "//evil.example",
  "/%2Fevil.example",
  "/%2f%2fevil.example",
  "///evil.example",
  "https://evil.example/",
  "http:/evil.example",
  "javascript:alert(1)",
  "evil.example",
  " /record",
  "/ /evil.example",
  "/\u3000/evil.example",
  "/\u200b/evil.example",
  "/%E0%A4%A",
  `/${"a".repeat(200)}`,
  "",
];

describe("safeNextPath", () => {
  it.each(hostile)("refuses %j", (value) => {
    expect(safeNextPath(value)).toBeUndefined();
  });

  it("refuses nothing-values", () => {
    expect(safeNextPath(undefined)).toBeUndefined();
    expect(safeNextPath(null)).toBeUndefined();
  });

  it.each([
    ["/record", "/record"],
    ["/account#external", "/account#external"],
    ["/inbox?page=2", "/inbox?page=2"],
    ["/college/corrections/abc", "/college/corrections/abc"],
    ["/record/../inbox", "/inbox"],
  ])("keeps the local path %j", (value, expected) => {
    expect(safeNextPath(value)).toBe(expected);
  });

  it("every accepted value stays on the origin it is resolved against", () => {
    for (const value of [...hostile, "/record", "/a/b?c=d#e"]) {
      const path = safeNextPath(value);
      if (path === undefined) continue;
      expect(new URL(path, "https://xueji.example.edu.cn").origin).toBe("https://xueji.example.edu.cn");
    }
  });
});

describe("safeRedirectUrl (next-auth's redirect callback)", () => {
  const base = "http://127.0.0.1:3120";
  it("follows local paths and same-origin URLs", () => {
    expect(safeRedirectUrl("/record", base)).toBe(`${base}/record`);
    expect(safeRedirectUrl(`${base}/inbox?x=1`, base)).toBe(`${base}/inbox?x=1`);
  });
  it.each([
    "https://evil.example/x",
    "/\\evil.example/x",
    "/%5Cevil.example/x",
    "/%09/evil.example",
    "//evil.example",
    `${base}//evil.example`,
    "http://127.0.0.1:9999/record",
    "not a url",
  ])("sends %j to the root", (value) => {
    expect(safeRedirectUrl(value, base)).toBe(`${base}/`);
  });
});
