import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  bodyLimitFor,
  bodyRefusal,
  DEFAULT_BODY_LIMIT,
  FILE_FORM_PAGES,
  MAX_ACTION_BODY,
} from "@/lib/security/body-limits";

const MB = 1024 * 1024;
const headers = (h: Record<string, string>) => new Headers(h);

describe("request body limits by page", () => {
  it("keeps every form small except the pages whose files the spec allows to be large", () => {
    expect(bodyLimitFor("/login")).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitFor("/identity/photos")).toBe(MB);
    expect(bodyLimitFor("/record/report")).toBe(26 * MB);
    expect(bodyLimitFor("/record/reporting")).toBe(MB);
    expect(bodyLimitFor("/registrar/corrections/abc")).toBe(26 * MB);
  });

  it("refuses by the declared length, and a chunked post without one", () => {
    expect(bodyRefusal("/login", headers({ "content-length": String(MB + 1) }))).toEqual({
      status: 413,
      limit: MB,
    });
    expect(bodyRefusal("/login", headers({ "content-length": "2000" }))).toBeNull();
    expect(bodyRefusal("/login", headers({ "transfer-encoding": "chunked" }))).toEqual({
      status: 411,
      limit: MB,
    });
    expect(bodyRefusal("/login", headers({}))).toBeNull();
  });

  it("next.config.ts's ceilings and proxy.ts's matcher agree with the table", () => {
    const config = readFileSync("next.config.ts", "utf8");
    expect(config).toContain(`bodySizeLimit: "${MAX_ACTION_BODY / MB}mb"`);
    expect(config).toContain(`proxyClientMaxBodySize: "${DEFAULT_BODY_LIMIT / MB}mb"`);
    const proxy = readFileSync("proxy.ts", "utf8");
    for (const page of FILE_FORM_PAGES) expect(proxy.match(new RegExp(page.slice(1), "g"))).toHaveLength(2);
    expect(proxy).toContain("registrar/import/upload");
  });
});
