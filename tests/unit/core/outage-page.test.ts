import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerOutageAs503 } from "@/lib/core/outage-page";
import { noteDatabaseError } from "@/lib/db/availability";

/**
 * scripts/serve.ts wraps every response with answerOutageAs503. Here a stand-in for the app answers the
 * way Next does — headers set one by one, then status and body streamed — with a 500 or a 200.
 */
let server: Server;
let base: string;
let lateHeaderThrew: boolean | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    answerOutageAs503(req, res);
    const status = req.url === "/works" ? 200 : 500;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("x-app", "portal");
    res.statusCode = status;
    res.write("<html><body><pre>Error: connect ECONNREFUSED 127.0.0.1:5432\n    at Pool.connect (pg)</pre>");
    // the app carries on after the page was replaced: nothing of this may reach the client or throw
    try {
      res.setHeader("x-late", "1");
      lateHeaderThrew = false;
    } catch {
      lateHeaderThrew = true; // what Node does once a response's headers are out
    }
    res.end("</body></html>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("answers while the database is unreachable", () => {
  it("leaves a 500 that has nothing to do with the database to the app", async () => {
    const res = await fetch(`${base}/fails`);
    expect(res.status).toBe(500);
    expect(await res.text()).toContain("ECONNREFUSED");
  });

  it("replaces an error page during an outage by the 'please try again' page as 503, no detail", async () => {
    noteDatabaseError(
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
    );
    const res = await fetch(`${base}/fails`);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-app")).toBeNull();
    expect(res.headers.get("x-late")).toBeNull();
    expect(lateHeaderThrew).toBe(false);
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("<h1");
    expect(html).toContain("服务暂时不可用");
    expect(html).toContain("请稍后再试");
    // the other language below
    expect(html).toContain("Please try again");
    expect(html).not.toMatch(/ECONNREFUSED|Pool\.connect|Error:/);
  });

  it("speaks English first to a reader who chose English", async () => {
    const res = await fetch(`${base}/fails`, { headers: { cookie: "theme=x; locale=en" } });
    expect(res.status).toBe(503);
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html.indexOf("The service is briefly unavailable")).toBeLessThan(html.indexOf("服务暂时不可用"));
  });

  it("answers an API client in JSON", async () => {
    const res = await fetch(`${base}/api/v1/records`);
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toEqual({ error: "service_unavailable", retryAfterSeconds: 5 });
  });

  it("leaves pages that work alone, even during an outage", async () => {
    const res = await fetch(`${base}/works`);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-app")).toBe("portal");
  });
});
