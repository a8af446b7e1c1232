import { describe, expect, it } from "vitest";
import { sendSmsCode } from "@/lib/accounts/codes";
import { db } from "@/lib/db";
import {
  answerClassmateAssist,
  assistForClassmate,
  requestClassmateAssist,
} from "@/lib/identity-cases/classmate-assist";
import { MESSAGE_LOG_DAYS, runRetention, SPENT_CODE_DAYS } from "@/lib/identity-cases/retention";
import {
  duplicateScenario,
  makeAccount,
  makeRecord,
  randomIdNumber,
  randomName,
  randomPhone,
  studentActor,
} from "./fixtures";

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY);

/**
 * The retention job's steps for what sending messages leaves behind (docs/retention.md): the log of sent SMS
 * and e-mails, spent verification codes, and the requester's phone number on classmate-assist requests that
 * are no longer open. Each is kept while needed and removed after its period, not before.
 */
describe("retention of sent messages, codes and assist phone numbers", () => {
  it("deletes a code a day after it expired and the message log after 183 days, not before", async () => {
    const phone = randomPhone();
    const sent = await sendSmsCode(
      { purpose: "register", phone },
      { ip: "198.51.100.7", userAgent: "vitest" },
    );
    expect(sent.ok).toBe(true);
    expect(await db.verificationCode.count({ where: { target: phone } })).toBe(1);
    expect(await db.outboundMessage.count({ where: { to: phone } })).toBe(1);
    expect(MESSAGE_LOG_DAYS).toBe(183);
    expect(SPENT_CODE_DAYS).toBe(1);

    // the same day: the code may still be typed in, the log is needed
    await runRetention(new Date());
    expect(await db.verificationCode.count({ where: { target: phone } })).toBe(1);
    // just under a day after expiry (codes live minutes): kept
    await runRetention(at(0.99));
    expect(await db.verificationCode.count({ where: { target: phone } })).toBe(1);

    const dry = await runRetention(at(1.1), { dryRun: true });
    expect(dry.spentCodes).toBeGreaterThanOrEqual(1);
    expect(await db.verificationCode.count({ where: { target: phone } })).toBe(1);

    const report = await runRetention(at(1.1));
    expect(report.spentCodes).toBeGreaterThanOrEqual(1);
    expect(await db.verificationCode.count({ where: { target: phone } })).toBe(0);
    expect(await db.outboundMessage.count({ where: { to: phone } })).toBe(1);

    await runRetention(at(MESSAGE_LOG_DAYS - 1));
    expect(await db.outboundMessage.count({ where: { to: phone } })).toBe(1);
    expect((await runRetention(at(MESSAGE_LOG_DAYS + 1), { dryRun: true })).sentMessages).toBeGreaterThan(0);
    expect(await db.outboundMessage.count({ where: { to: phone } })).toBe(1);
    const late = await runRetention(at(MESSAGE_LOG_DAYS + 1));
    expect(late.sentMessages).toBeGreaterThanOrEqual(1);
    expect(await db.outboundMessage.count({ where: { to: phone } })).toBe(0);
  });

  it("a newer message and a newer code survive a run that deletes older ones", async () => {
    const old = randomPhone();
    const fresh = randomPhone();
    await sendSmsCode({ purpose: "register", phone: old }, { ip: "198.51.100.8", userAgent: "vitest" });
    await db.outboundMessage.updateMany({
      where: { to: old },
      data: { createdAt: at(-(MESSAGE_LOG_DAYS + 2)) },
    });
    await db.verificationCode.updateMany({ where: { target: old }, data: { expiresAt: at(-2) } });
    await sendSmsCode({ purpose: "register", phone: fresh }, { ip: "198.51.100.9", userAgent: "vitest" });

    await runRetention(new Date());
    expect(await db.outboundMessage.count({ where: { to: old } })).toBe(0);
    expect(await db.verificationCode.count({ where: { target: old } })).toBe(0);
    expect(await db.outboundMessage.count({ where: { to: fresh } })).toBe(1);
    expect(await db.verificationCode.count({ where: { target: fresh } })).toBe(1);
  });

  it("blanks the requester's phone on answered and expired assist requests, keeps it on open ones", async () => {
    const requests = [];
    for (let i = 0; i < 3; i++) {
      const s = await duplicateScenario();
      const person = { name: randomName(), idNumber: randomIdNumber() };
      const mate = await makeAccount(person, "verified");
      await makeRecord(s.cls, person, { accountId: mate.id });
      const sent = await requestClassmateAssist(studentActor(s.pending), {
        classmateName: mate.name,
        classmatePhone: mate.phone,
        ownPhone: s.pending.phone,
      });
      if (!sent.ok) throw new Error(JSON.stringify(sent));
      requests.push({ id: sent.value.assistId, mate, phone: s.pending.phone });
    }
    const [answered, open, expiring] = requests;
    expect(
      await answerClassmateAssist(studentActor(answered.mate), { assistId: answered.id, answer: "no" }),
    ).toEqual({ ok: true, value: { status: "declined" } });
    await db.classmateAssist.update({ where: { id: expiring.id }, data: { expiresAt: at(-1) } });

    const dry = await runRetention(new Date(), { dryRun: true });
    expect(dry.assistPhonesBlanked).toBeGreaterThanOrEqual(2);
    const phoneOf = async (id: string) =>
      (await db.classmateAssist.findUniqueOrThrow({ where: { id } })).requesterPhone;
    expect(await phoneOf(answered.id)).toBe(answered.phone);

    const report = await runRetention(new Date());
    expect(report.assistPhonesBlanked).toBeGreaterThanOrEqual(2);
    expect(await phoneOf(answered.id)).toBe("");
    expect(await phoneOf(expiring.id)).toBe("");
    expect(await db.classmateAssist.findUniqueOrThrow({ where: { id: expiring.id } })).toMatchObject({
      status: "expired",
    });
    // the open request keeps it: the classmate deciding sees it masked
    expect(await phoneOf(open.id)).toBe(open.phone);
    const view = await assistForClassmate(studentActor(open.mate), open.id);
    expect(view?.requesterPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    // the answered one shows no number any more, and nothing else changed
    const closedView = await assistForClassmate(studentActor(answered.mate), answered.id);
    expect(closedView).toMatchObject({ requesterPhone: "—", status: "declined" });
    // a second run has nothing left to blank for these
    await runRetention(new Date());
    expect(await phoneOf(open.id)).toBe(open.phone);
  });
});
