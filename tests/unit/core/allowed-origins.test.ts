import { describe, expect, it } from "vitest";
import { allowedOrigins } from "@/lib/core/allowed-origins";
import { forwardedOf } from "@/lib/core/client-ip-header";

describe("allowedOrigins (proxy.ts CSRF check)", () => {
  it("this request's origin and Host, and the configured public URL", () => {
    const allowed = allowedOrigins({
      origin: "http://127.0.0.1:3120",
      host: "127.0.0.1:3120",
      publicUrl: "https://xueji.example.edu.cn/",
    });
    expect([...allowed].sort()).toEqual(
      ["http://127.0.0.1:3120", "https://127.0.0.1:3120", "https://xueji.example.edu.cn"].sort(),
    );
  });

  it("takes no argument a client could fill with X-Forwarded-Host", () => {
    const allowed = allowedOrigins({ origin: "http://127.0.0.1:3120", host: "127.0.0.1:3120" });
    expect(allowed.has("http://evil.example")).toBe(false);
    expect(allowed.has("https://evil.example")).toBe(false);
  });

  it("a malformed public URL adds nothing", () => {
    expect(allowedOrigins({ origin: "http://a", host: null, publicUrl: "not a url" })).toEqual(
      new Set(["http://a"]),
    );
  });
});

describe("forwardedOf (what scripts/serve.ts writes into X-Forwarded-Host / -Proto)", () => {
  const spoofed = {
    host: "127.0.0.1:3120",
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "https",
  };

  it("without a trusted proxy: the Host header and plain http, whatever the client sent", () => {
    expect(forwardedOf(spoofed, false)).toEqual({ host: "127.0.0.1:3120", proto: "http" });
  });

  it("behind a trusted proxy: the proxy's first values", () => {
    expect(forwardedOf({ ...spoofed, "x-forwarded-host": "xueji.example.edu.cn, other" }, true)).toEqual({
      host: "xueji.example.edu.cn",
      proto: "https",
    });
    expect(forwardedOf({ host: "app:3000", "x-forwarded-proto": "gopher" }, true)).toEqual({
      host: "app:3000",
      proto: "http",
    });
  });
});
