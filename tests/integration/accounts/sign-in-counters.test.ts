import { afterEach, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import {
  block,
  changeCountersWith,
  count,
  countAll,
  limitState,
  peek,
  refund,
  usedPoints,
} from "@/lib/security/rate-limit";

afterEach(() => vi.useRealTimers());

/**
 * The sign-in counters are written in batches (lib/security/rate-limit.ts countAll, changeCountersWith; on
 * SQLite as raw upserts next to the limiter's own writes): the same counts, windows and locks as one at a time.
 */
describe("sign-in counters written together", () => {
  it("counts several limits at once, each with its own number, and refuses past the limit", async () => {
    const account = `test:${randomUUID()}`;
    const ip = `ip:${randomUUID()}`;
    for (let i = 1; i <= 10; i++) {
      const [a, b] = await countAll([
        { name: "loginFailuresPerAccount", key: account },
        { name: "loginFailuresPerIp", key: ip },
      ]);
      expect([a.used, b.used]).toEqual([i, i]);
      expect(a.result).toEqual({ ok: true, remaining: 10 - i });
    }
    const [eleventh] = await countAll([{ name: "loginFailuresPerAccount", key: account }]);
    expect(eleventh.used).toBe(11);
    expect(eleventh.result.ok).toBe(false);
    if (!eleventh.result.ok) expect(eleventh.result.retryAfterSeconds).toBeGreaterThan(890);
    expect((await peek("loginFailuresPerAccount", account)).ok).toBe(false);
    expect(await usedPoints("loginFailuresPerIp", ip)).toBe(10);
    // one at a time continues the same count
    expect((await count("loginFailuresPerIp", ip)).used).toBe(11);
  });

  it("honours the limiter's explicit lock, and a window that has run out starts again", async () => {
    const account = `test:${randomUUID()}`;
    await countAll([{ name: "loginFailuresPerAccount", key: account }]);
    const until = await block("loginFailuresPerAccount", account, 900);
    const locked = await peek("loginFailuresPerAccount", account);
    expect(locked.ok).toBe(false);
    if (!locked.ok) expect(Math.abs(locked.retryAt.getTime() - until.getTime())).toBeLessThan(2_000);
    const [during] = await countAll([{ name: "loginFailuresPerAccount", key: account }]);
    expect(during.result.ok).toBe(false);

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 16 * 60_000);
    expect(await limitState("loginFailuresPerAccount", account)).toEqual({
      result: { ok: true, remaining: 10 },
      used: 0,
    });
    const [after] = await countAll([{ name: "loginFailuresPerAccount", key: account }]);
    expect(after).toEqual({ used: 1, result: { ok: true, remaining: 9 } });
  });

  it("clears and takes back counters in the transaction of the writes that go with them", async () => {
    const account = `test:${randomUUID()}`;
    const ip = `ip:${randomUUID()}`;
    await countAll([
      { name: "loginFailuresPerAccount", key: account },
      { name: "loginFailuresPerIp", key: ip },
    ]);
    await count("loginFailuresPerIp", ip);
    const [event] = await changeCountersWith(
      {
        reset: [{ name: "loginFailuresPerAccount", key: account }],
        refund: [{ name: "loginFailuresPerIp", key: ip }],
      },
      [db.loginEvent.create({ data: { outcome: "success", ip: "192.0.2.1" }, select: { id: true } })],
    );
    expect(await db.loginEvent.findUnique({ where: { id: event.id } })).toMatchObject({ outcome: "success" });
    expect(await usedPoints("loginFailuresPerAccount", account)).toBe(0);
    expect(await usedPoints("loginFailuresPerIp", ip)).toBe(1);
    await refund("loginFailuresPerIp", ip);
    expect(await usedPoints("loginFailuresPerIp", ip)).toBe(0);
  });
});
