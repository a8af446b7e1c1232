import { describe, expect, it } from "vitest";
import { clientIpOf } from "@/lib/core/client-ip-header";

describe("clientIpOf (the address per-IP limits count)", () => {
  const spoofed = { "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8" };

  it("without a trusted proxy: the socket address, whatever headers the client sends", () => {
    expect(clientIpOf("203.0.113.9", spoofed, false)).toBe("203.0.113.9");
    expect(clientIpOf(undefined, {}, false)).toBe("unknown");
  });

  it("behind a trusted proxy: the proxy's X-Real-IP", () => {
    expect(clientIpOf("10.0.0.2", { "x-real-ip": " 198.51.100.7 " }, true)).toBe("198.51.100.7");
  });

  it("behind a trusted proxy without X-Real-IP: the hop the proxy appended, not the client's first entry", () => {
    expect(clientIpOf("10.0.0.2", { "x-forwarded-for": "1.2.3.4, 198.51.100.7" }, true)).toBe("198.51.100.7");
    expect(clientIpOf("10.0.0.2", {}, true)).toBe("10.0.0.2");
  });
});
