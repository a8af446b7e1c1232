import { readFileSync } from "node:fs";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { config } from "@/proxy";
import {
  bodyLimitFor,
  bodyRefusal,
  DEFAULT_BODY_LIMIT,
  FILE_FORM_PAGES,
  MAX_ACTION_BODY,
} from "@/lib/security/body-limits";

const MB = 1024 * 1024;
const proxySees = (path: string, h: Record<string, string>) =>
  unstable_doesMiddlewareMatch({ config, url: `http://localhost${path}`, headers: h });
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
    const nextConfig = readFileSync("next.config.ts", "utf8");
    expect(nextConfig).toContain(`bodySizeLimit: "${MAX_ACTION_BODY / MB}mb"`);
    expect(nextConfig).toContain(`proxyClientMaxBodySize: "${DEFAULT_BODY_LIMIT / MB}mb"`);
    // the file pages' server actions skip the proxy; their other posts and every other page's do not
    for (const page of FILE_FORM_PAGES) {
      expect(proxySees(page, { "next-action": "abc", "content-length": "5000000" }), page).toBe(false);
      expect(proxySees(page, { "content-length": "20" }), page).toBe(true);
    }
    expect(proxySees("/record", { "next-action": "abc", "content-length": "20" })).toBe(true);
    expect(proxySees("/registrar/import/upload", { origin: "https://attacker.example" })).toBe(false);
  });

  it("the proxy sees every request that can change something, and no page load", () => {
    const page = { cookie: "session=abc", accept: "text/html" };
    // page loads and the router's RSC fetches: no body, no Origin (the proxy would let them through anyway)
    expect(proxySees("/record", page)).toBe(false);
    expect(proxySees("/college?view=major", { ...page, rsc: "1" })).toBe(false);
    // a browser's post from another site always carries Origin, also without a body
    expect(proxySees("/account", { ...page, origin: "https://attacker.example" })).toBe(true);
    // any body: declared or streamed, with or without Origin (refused without one, or for its size)
    expect(proxySees("/login", { "content-length": "0" })).toBe(true);
    expect(proxySees("/login", { "transfer-encoding": "chunked" })).toBe(true);
    expect(proxySees("/api/auth/callback/staff", { "content-length": "60000000" })).toBe(true);
    // a server action without a body
    expect(proxySees("/record", { "next-action": "abc" })).toBe(true);
    // the framework's static files never
    expect(proxySees("/_next/static/chunks/app.js", { origin: "https://attacker.example" })).toBe(false);
  });
});
