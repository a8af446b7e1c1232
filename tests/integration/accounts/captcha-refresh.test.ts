import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCaptcha, devCaptchaAnswer, refreshCaptcha, verifyCaptcha } from "@/lib/security/captcha";
import { randomIp } from "./support";

describe("换一张 (a new picture captcha)", () => {
  it("gives a new picture, uses the old one up, and stops after 20 a minute from one address", async () => {
    const ip = randomIp();
    const first = await createCaptcha();
    const second = await refreshCaptcha(first.id, ip);
    expect(second?.id).toBeTruthy();
    expect(second?.id).not.toBe(first.id);
    expect(second?.image).toMatch(/^data:image\/png;base64,/);
    // the swapped picture can no longer be answered, the new one can
    expect(await verifyCaptcha(first.id, devCaptchaAnswer(first.id))).toBe(false);
    expect(await verifyCaptcha(second!.id, devCaptchaAnswer(second!.id))).toBe(true);

    const rows = await db.captchaChallenge.count();
    for (let i = 1; i < 20; i++) expect(await refreshCaptcha(null, ip)).not.toBeNull();
    expect(await refreshCaptcha(null, ip)).toBeNull();
    expect(await db.captchaChallenge.count()).toBe(rows + 19);
    // another address is not affected
    expect(await refreshCaptcha(null, randomIp())).not.toBeNull();
  });
});
