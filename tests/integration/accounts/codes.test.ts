import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { sendSmsCode, verifyCode } from "@/lib/accounts/codes";
import { writeSetting } from "@/lib/settings";
import { LIMITS } from "@/lib/security/rate-limit";
import { latestCode, meta, randomPhone } from "./support";

afterEach(async () => {
  vi.useRealTimers();
  await db.setting.deleteMany({ where: { key: "codes.lifetimeMinutes" } });
});

function at(iso: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(iso));
}

describe("SMS code limits (SPEC §2.1)", () => {
  it("one code per phone per 60 seconds, saying when to try again", async () => {
    at("2032-01-10T02:00:00Z");
    const phone = randomPhone();
    expect((await sendSmsCode({ purpose: "register", phone }, meta())).ok).toBe(true);
    at("2032-01-10T02:00:20Z");
    const again = await sendSmsCode({ purpose: "register", phone }, meta());
    expect(again).toEqual({
      ok: false,
      error: { key: "register.code.tooFrequentSeconds", params: { seconds: 40 } },
    });
    // Another purpose for the same phone is the same phone: still refused.
    const reset = await sendSmsCode({ purpose: "reset_password", phone }, meta());
    expect(reset.ok).toBe(false);
    at("2032-01-10T02:01:01Z");
    expect((await sendSmsCode({ purpose: "register", phone }, meta())).ok).toBe(true);
  });

  it("at most 10 codes per phone per day, then refused until the day's window ends", async () => {
    const phone = randomPhone();
    const start = Date.parse("2032-02-01T01:00:00Z");
    for (let i = 0; i < 10; i++) {
      at(new Date(start + i * 61_000).toISOString());
      const sent = await sendSmsCode({ purpose: "register", phone }, meta());
      expect(sent.ok, `code ${i + 1}`).toBe(true);
    }
    at(new Date(start + 10 * 61_000).toISOString());
    const eleventh = await sendSmsCode({ purpose: "register", phone }, meta());
    expect(eleventh.ok).toBe(false);
    if (eleventh.ok) return;
    expect(eleventh.error?.key).toBe("register.code.tooFrequentUntil");
    const until = Date.parse(String(eleventh.error?.params?.until));
    expect(until).toBeGreaterThan(start + 23 * 3_600_000);
    expect(until).toBeLessThanOrEqual(start + 24 * 3_600_000 + 1000);
    expect(await db.outboundMessage.count({ where: { to: phone } })).toBe(10);
    at(new Date(start + 24 * 3_600_000 + 5_000).toISOString());
    expect((await sendSmsCode({ purpose: "register", phone }, meta())).ok).toBe(true);
  });

  it("per IP: one address cannot spray codes at many phones", async () => {
    at("2032-03-01T03:00:00Z");
    const ip = meta().ip ?? "";
    let refusedAt = -1;
    const limit = LIMITS.smsPerIpHour.points;
    for (let i = 0; i < limit + 5; i++) {
      const sent = await sendSmsCode({ purpose: "register", phone: randomPhone() }, meta(ip));
      if (!sent.ok) {
        refusedAt = i;
        expect(sent.error?.key).toMatch(/^register\.code\.tooFrequent/);
        break;
      }
    }
    expect(refusedAt).toBe(limit);
  });
});

describe("SMS code lifetime and use", () => {
  it("the admin can lengthen the lifetime up to 24 hours", async () => {
    await writeSetting("codes.lifetimeMinutes", 1440);
    at("2032-04-01T00:00:00Z");
    const phone = randomPhone();
    await sendSmsCode({ purpose: "register", phone }, meta());
    const code = await latestCode(phone);
    at("2032-04-01T23:59:00Z");
    expect((await verifyCode({ purpose: "register", target: phone, code })).ok).toBe(true);
    at("2032-04-02T00:00:01Z");
    const late = await verifyCode({ purpose: "register", target: phone, code });
    expect(late.ok ? null : late.fieldErrors?.code?.key).toBe("register.code.expired");
  });

  it("is bound to its purpose: a registration code does not verify a password reset", async () => {
    const phone = randomPhone();
    await sendSmsCode({ purpose: "register", phone }, meta());
    const code = await latestCode(phone);
    const wrongPurpose = await verifyCode({ purpose: "reset_password", target: phone, code });
    expect(wrongPurpose.ok).toBe(false);
    expect((await verifyCode({ purpose: "register", target: phone, code })).ok).toBe(true);
  });

  it("is stored only as a keyed hash and the SMS says how long it lasts", async () => {
    const phone = randomPhone();
    await sendSmsCode({ purpose: "register", phone }, meta());
    const code = await latestCode(phone);
    const row = await db.verificationCode.findFirstOrThrow({ where: { target: phone } });
    expect(row.codeHash).not.toContain(code);
    expect(row.codeHash.length).toBeGreaterThan(20);
    const sms = await db.outboundMessage.findFirstOrThrow({ where: { to: phone } });
    expect(sms.body).toContain(code);
    expect(sms.body).toContain("10 分钟");
    expect(code).toMatch(/^\d{6}$/);
  });
});
