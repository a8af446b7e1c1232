import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { logRequests, routeOf } from "@/lib/ops/request-log";

describe("request log", () => {
  it("drops the query and masks path segments that could carry a number or a token", () => {
    expect(routeOf("/login?username=11010519491231002X&password=x")).toBe("/login");
    expect(routeOf("/api/dev/outbox?to=13800000001")).toBe("/api/dev/outbox");
    expect(routeOf("/lookup/11010519491231002X")).toBe("/lookup/:num");
    expect(routeOf("/reset/Qm9vbGVhbi1sb25nLXRva2VuLXZhbHVl")).toBe("/reset/:id");
    expect(routeOf("/x/%E5%BC%A0%E4%B8%89")).toBe("/x/:num");
    expect(routeOf("/_next/static/chunks/app-layout.js")).toBe("/_next/static/chunks/app-layout.js");
    expect(routeOf("/record")).toBe("/record");
  });

  it("writes one JSON line per request with its id, route, status, duration and instance", () => {
    const req = new IncomingMessage(new Socket());
    req.method = "POST";
    req.url = "/register?phone=13800000001";
    req.headers["x-request-id"] = "nginx-0123456789abcdef";
    const res = new ServerResponse(req);
    const lines: string[] = [];
    const id = logRequests(req, res, "app-2", (line) => lines.push(line));
    expect(id).toBe("nginx-0123456789abcdef");
    expect(res.getHeader("x-request-id")).toBe(id);
    res.statusCode = 303;
    res.emit("finish");
    res.emit("close");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      msg: "request",
      requestId: id,
      method: "POST",
      route: "/register",
      instance: "app-2",
    });
    expect(lines[0]).not.toContain("13800000001");
  });

  it("makes its own request id when the caller's is missing or odd", () => {
    const req = new IncomingMessage(new Socket());
    req.url = "/";
    req.headers["x-request-id"] = "<script>";
    const id = logRequests(req, new ServerResponse(req), "a", () => undefined);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
