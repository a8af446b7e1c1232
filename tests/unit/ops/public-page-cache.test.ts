import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  forgetPublicPages,
  publicPageKey,
  registerPublicPageVariant,
  servePublicPage,
} from "@/lib/ops/public-page-cache";

/** A stand-in for the app behind scripts/serve.ts: each render answers with a new number. */
let renders = 0;
let answer: (req: IncomingMessage, res: ServerResponse, n: number) => void;
let server: Server;
let base: string;

async function app(req: IncomingMessage, res: ServerResponse) {
  res.setHeader("x-request-id", `req-${Math.random()}`);
  if (await servePublicPage(req, res)) return;
  renders++;
  answer(req, res, renders);
}

const render = (req: IncomingMessage, res: ServerResponse, n: number) => {
  const locale = /locale=en/.test(String(req.headers.cookie)) ? "en" : "zh-CN";
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("content-security-policy", "default-src 'self'");
  res.statusCode = 200;
  res.write(`<html lang="${locale}">`);
  res.end(`<p>render ${n}</p></html>`);
};

beforeAll(async () => {
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  forgetPublicPages();
  renders = 0;
  answer = render;
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(base + path, { headers: { "accept-encoding": "identity", ...headers } });

describe("cache of the pages that are the same for every visitor", () => {
  it("renders the home page once and serves the same bytes and page headers to the next visitors", async () => {
    const first = await get("/");
    const firstBody = await first.text();
    const second = await get("/");
    expect(await second.text()).toBe(firstBody);
    expect(renders).toBe(1);
    expect(second.status).toBe(200);
    expect(second.headers.get("content-security-policy")).toBe("default-src 'self'");
    expect(second.headers.get("content-type")).toBe("text/html; charset=utf-8");
    // per-request headers are the new request's, not the stored one's
    expect(second.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
    expect(second.headers.get("date")).toBeTruthy();
  });

  it("keeps one copy per language", async () => {
    await (await get("/")).text();
    const en = await (await get("/", { cookie: "locale=en" })).text();
    expect(en).toContain('lang="en"');
    expect(renders).toBe(2);
    expect(await (await get("/", { cookie: "locale=en; next-auth.csrf-token=abc" })).text()).toBe(en);
    expect(await (await get("/")).text()).toContain('lang="zh-CN"');
    expect(renders).toBe(2);
  });

  it("always renders for a session cookie (valid or not), any other cookie, a query or a client navigation", async () => {
    await (await get("/")).text();
    const personal: [string, Record<string, string>][] = [
      ["/", { cookie: "next-auth.session-token=whatever" }],
      ["/", { cookie: "__Secure-next-auth.session-token=x; locale=en" }],
      ["/", { cookie: "something-else=1" }],
      ["/?signedOut=1", {}],
      ["/", { rsc: "1" }],
      ["/", { "next-router-prefetch": "1" }],
      ["/record", {}],
      ["/staff/login", {}],
    ];
    for (const [path, headers] of personal) {
      expect(await publicPageKey({ method: "GET", url: path, headers } as IncomingMessage)).toBeNull();
      await (await get(path, headers)).text();
    }
    expect(renders).toBe(1 + personal.length);
    expect(await publicPageKey({ method: "HEAD", url: "/", headers: {} } as IncomingMessage)).toBeNull();
    expect(await publicPageKey({ method: "POST", url: "/", headers: {} } as IncomingMessage)).toBeNull();
  });

  it("renders the sign-in page until the app tells which visitors may share it, then for those only", async () => {
    await (await get("/login")).text();
    await (await get("/login")).text();
    expect(renders).toBe(2);
    // an address with 3 failures gets a captcha made for it: never shared
    registerPublicPageVariant("/login", async (req) =>
      req.headers["x-client-ip"] === "10.0.0.9" ? null : "",
    );
    const shared = await (await get("/login", { "x-client-ip": "10.0.0.1" })).text();
    expect(await (await get("/login", { "x-client-ip": "10.0.0.2" })).text()).toBe(shared);
    expect(renders).toBe(3);
    expect(await (await get("/login", { "x-client-ip": "10.0.0.9" })).text()).not.toBe(shared);
    expect(await (await get("/login", { "x-client-ip": "10.0.0.9" })).text()).toContain("render 5");
    // when telling fails, nothing is served from the cache
    registerPublicPageVariant("/login", () => Promise.reject(new Error("database unreachable")));
    await expect(
      publicPageKey({ method: "GET", url: "/login", headers: {} } as IncomingMessage),
    ).rejects.toThrow();
  });

  it("does not keep an answer that is not a plain 200 or that sets a cookie", async () => {
    answer = (_req, res) => {
      res.statusCode = 500;
      res.end("failed");
    };
    await (await get("/")).text();
    answer = (_req, res) => {
      res.setHeader("set-cookie", "locale=en; Path=/");
      res.end("with cookie");
    };
    await (await get("/")).text();
    answer = render;
    expect(await (await get("/")).text()).toContain("render 3");
    expect(await (await get("/")).text()).toContain("render 3");
    expect(renders).toBe(3);
  });

  it("keeps compressed answers apart from plain ones", async () => {
    answer = (req, res, n) => {
      const html = `<p>render ${n}</p>`;
      if (/gzip/.test(String(req.headers["accept-encoding"]))) {
        res.setHeader("content-encoding", "gzip");
        res.end(gzipSync(html));
      } else res.end(html);
    };
    const gz = await get("/", { "accept-encoding": "gzip" });
    expect(await gz.text()).toBe("<p>render 1</p>"); // fetch decompresses
    expect(await (await get("/")).text()).toBe("<p>render 2</p>");
    const again = await get("/", { "accept-encoding": "gzip" });
    expect(again.headers.get("content-encoding")).toBe("gzip");
    expect(await again.text()).toBe("<p>render 1</p>");
    expect(renders).toBe(2);
  });

  it("forgets every page when the values they show are saved, and after its seconds", async () => {
    await (await get("/")).text();
    forgetPublicPages();
    expect(await (await get("/")).text()).toContain("render 2");
    const req = { method: "GET", url: "/help", headers: {} } as IncomingMessage;
    const res = { write() {}, end() {}, statusCode: 200, hasHeader: () => false, getHeaders: () => ({}) };
    expect(await servePublicPage(req, res as unknown as ServerResponse, 1_000)).toBe(false);
    (res as unknown as ServerResponse).end("stored");
    const hit = { writeHead() {}, end() {} } as unknown as ServerResponse;
    expect(await servePublicPage(req, hit, 5_000)).toBe(true);
    const later = { write() {}, end() {}, statusCode: 200, hasHeader: () => false, getHeaders: () => ({}) };
    expect(await servePublicPage(req, later as unknown as ServerResponse, 11_001)).toBe(false);
  });
});
