import { afterEach, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";
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
 * The sign-in counters are written in batches (lib/security/rate-limit.ts countAll, changeCountersWith: raw
 * statements on the limiters' own rows, committed together with the writes that go with them): the same
 * counts, windows and locks as one at a time, all or nothing, and each concurrent attempt its own number.
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
    const userAgent = `counters ${randomUUID()}`;
    await changeCountersWith(
      {
        reset: [{ name: "loginFailuresPerAccount", key: account }],
        refund: [{ name: "loginFailuresPerIp", key: ip }],
      },
      [
        Prisma.sql`INSERT INTO "LoginEvent" ("id", "outcome", "ip", "userAgent", "createdAt")
          VALUES (${randomUUID()}, 'success', '192.0.2.1', ${userAgent}, ${new Date()})`,
        Prisma.sql`INSERT INTO "LoginEvent" ("id", "outcome", "ip", "userAgent", "createdAt")
          VALUES (${randomUUID()}, 'cancelled', '192.0.2.1', ${userAgent}, ${new Date()})`,
      ],
    );
    const written = await db.loginEvent.findMany({ where: { userAgent }, orderBy: { outcome: "desc" } });
    expect(written.map((e) => e.outcome)).toEqual(["success", "cancelled"]);
    expect(await usedPoints("loginFailuresPerAccount", account)).toBe(0);
    expect(await usedPoints("loginFailuresPerIp", ip)).toBe(1);
    await refund("loginFailuresPerIp", ip);
    expect(await usedPoints("loginFailuresPerIp", ip)).toBe(0);
  });

  it("takes nothing back when a write of the same transaction fails", async () => {
    const account = `test:${randomUUID()}`;
    const ip = `ip:${randomUUID()}`;
    await countAll([
      { name: "loginFailuresPerAccount", key: account },
      { name: "loginFailuresPerIp", key: ip },
    ]);
    const { id } = await db.loginEvent.create({ data: { outcome: "success", ip: "192.0.2.1" } });
    const userAgent = `counters ${randomUUID()}`;
    await expect(
      changeCountersWith(
        {
          reset: [{ name: "loginFailuresPerAccount", key: account }],
          refund: [{ name: "loginFailuresPerIp", key: ip }],
        },
        [
          Prisma.sql`INSERT INTO "LoginEvent" ("id", "outcome", "userAgent", "createdAt")
            VALUES (${randomUUID()}, 'success', ${userAgent}, ${new Date()})`,
          // the same id again: this insert fails after the counters' statements and the first insert
          Prisma.sql`INSERT INTO "LoginEvent" ("id", "outcome", "createdAt") VALUES (${id}, 'success', ${new Date()})`,
        ],
      ),
    ).rejects.toThrow();
    expect(await usedPoints("loginFailuresPerAccount", account)).toBe(1);
    expect(await usedPoints("loginFailuresPerIp", ip)).toBe(1);
    expect(await db.loginEvent.count({ where: { userAgent } })).toBe(0);
  });

  it("gives 20 concurrent attempts 20 different numbers on each counter", async () => {
    const account = `test:${randomUUID()}`;
    const ip = `ip:${randomUUID()}`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        countAll([
          { name: "loginFailuresPerAccount", key: account },
          { name: "loginFailuresPerIp", key: ip },
        ]),
      ),
    );
    const sorted = (ns: number[]) => [...ns].sort((a, b) => a - b);
    const oneTo20 = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(sorted(answers.map(([a]) => a.used))).toEqual(oneTo20);
    expect(sorted(answers.map(([, b]) => b.used))).toEqual(oneTo20);
    // past the account's 10 the answers refuse, the address's 50 are not reached
    expect(answers.filter(([a]) => !a.result.ok)).toHaveLength(10);
    expect(answers.every(([, b]) => b.result.ok)).toBe(true);
    expect(await usedPoints("loginFailuresPerAccount", account)).toBe(20);
  });

  it("counts the same counter named twice in one call twice", async () => {
    const ip = `ip:${randomUUID()}`;
    const [first, second] = await countAll([
      { name: "loginFailuresPerIp", key: ip },
      { name: "loginFailuresPerIp", key: ip },
    ]);
    expect(new Set([first.used, second.used])).toEqual(new Set([1, 2]));
    expect(await usedPoints("loginFailuresPerIp", ip)).toBe(2);
  });
});
