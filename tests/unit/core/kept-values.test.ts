import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { KeptValues } from "@/lib/core/kept-values";

/** A load that counts its calls and answers "value N" for the Nth. */
function counter() {
  let calls = 0;
  const load = vi.fn(async () => `value ${++calls}`);
  return load;
}

describe("KeptValues in production", () => {
  beforeEach(() => {
    vi.stubEnv("NODE_ENV", "production");
    vi.useFakeTimers({ now: new Date("2026-09-01T10:00:00Z") });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it("requests arriving together share one read, and the value is kept until it expires", async () => {
    const kept = new KeptValues<string>(10_000);
    const load = counter();
    const together = await Promise.all([kept.get("", load), kept.get("", load), kept.get("", load)]);
    expect(together).toEqual(["value 1", "value 1", "value 1"]);
    vi.advanceTimersByTime(9_999);
    expect(await kept.get("", load)).toBe("value 1");
    vi.advanceTimersByTime(1);
    expect(await kept.get("", load)).toBe("value 2");
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("`fresh` reads now and keeps what it read for the next caller", async () => {
    const kept = new KeptValues<string>(10_000);
    const load = counter();
    expect(await kept.get("", load)).toBe("value 1");
    expect(await kept.get("", load, { fresh: true })).toBe("value 2");
    expect(await kept.get("", load)).toBe("value 2");
  });

  it("a failed read is not kept: the next caller reads again", async () => {
    const kept = new KeptValues<string>(10_000);
    await expect(kept.get("", () => Promise.reject(new Error("database down")))).rejects.toThrow(
      "database down",
    );
    expect(await kept.get("", async () => "back")).toBe("back");
  });

  it("`forget` makes the next call read the database", async () => {
    const kept = new KeptValues<string>(10_000);
    const load = counter();
    await kept.get("", load);
    kept.forget();
    expect(await kept.get("", load)).toBe("value 2");
  });

  it("keeps one value per key and drops the least recently read key beyond its limit", async () => {
    const kept = new KeptValues<string>(10_000, 2);
    await kept.get("a", async () => "a1");
    await kept.get("b", async () => "b1");
    await kept.get("a", async () => "a2", { fresh: true }); // "a" read again: "b" is now the oldest
    await kept.get("c", async () => "c1");
    expect(await kept.get("a", async () => "a3")).toBe("a2");
    expect(await kept.get("c", async () => "c2")).toBe("c1");
    expect(await kept.get("b", async () => "b2")).toBe("b2");
  });
});

describe("KeptValues outside production", () => {
  it("reads the database on every call", async () => {
    vi.stubEnv("NODE_ENV", "test");
    const kept = new KeptValues<string>(10_000);
    const load = counter();
    expect(kept.keeps).toBe(false);
    expect(await kept.get("", load)).toBe("value 1");
    expect(await kept.get("", load)).toBe("value 2");
    vi.unstubAllEnvs();
  });
});
