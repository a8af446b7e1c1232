import { describe, expect, it } from "vitest";
import { contentDisposition, downloadResponse } from "@/lib/core/download";

describe("file downloads", () => {
  it("names the file in UTF-8 (RFC 5987) with an ASCII fallback", () => {
    expect(contentDisposition("自查进度-2026级.xlsx", { fallback: "progress.xlsx" })).toBe(
      `attachment; filename="progress.xlsx"; filename*=UTF-8''%E8%87%AA%E6%9F%A5%E8%BF%9B%E5%BA%A6-2026%E7%BA%A7.xlsx`,
    );
  });

  it("escapes what a quoted name or filename* may not hold", () => {
    expect(contentDisposition(`a"b\\c'(d)*.csv`)).toBe(
      `attachment; filename="a_b_c'(d)*.csv"; filename*=UTF-8''a%22b%5Cc%27%28d%29%2A.csv`,
    );
    expect(contentDisposition("照片.jpg", { inline: true })).toBe(
      `inline; filename="__.jpg"; filename*=UTF-8''%E7%85%A7%E7%89%87.jpg`,
    );
  });

  it("answers never cached, with the type given", () => {
    const response = downloadResponse("x", { name: "a.csv", contentType: "text/csv; charset=utf-8" });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="a.csv"; filename*=UTF-8''a.csv`,
    );
  });
});
