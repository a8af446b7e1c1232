import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import {
  answerClassmateAssist,
  assistForClassmate,
  requestClassmateAssist,
} from "@/lib/identity-cases/classmate-assist";
import {
  duplicateScenario,
  makeAccount,
  makeClass,
  makeRecord,
  randomIdNumber,
  randomName,
  randomPhone,
  studentActor,
} from "./fixtures";

afterEach(() => {
  vi.useRealTimers();
});

/** A verified classmate of the duplicate scenario's student (own account, record in the same class). */
async function classmateIn(cls: Awaited<ReturnType<typeof makeClass>>) {
  const person = { name: randomName(), idNumber: randomIdNumber() };
  const account = await makeAccount(person, "verified");
  await makeRecord(cls, person, { accountId: account.id });
  return account;
}

const NOT_ELIGIBLE = { classmatePhone: { key: "identity.assist.errors.notEligible" } };

describe("classmate assistance (SPEC §3.2)", () => {
  it("sends a request the classmate sees in the inbox; 是 resolves exactly like a support approval", async () => {
    const s = await duplicateScenario();
    const mate = await classmateIn(s.cls);
    const sent = await requestClassmateAssist(studentActor(s.pending), {
      classmateName: mate.name,
      classmatePhone: mate.phone,
      ownPhone: s.pending.phone,
    });
    if (!sent.ok) throw new Error(JSON.stringify(sent));
    const note = await db.notification.findFirst({
      where: { accountId: mate.id, kind: "identity.assistRequested" },
    });
    expect(note).toMatchObject({ readAt: null, linkPath: `/identity/assist/${sent.value.assistId}` });

    const view = await assistForClassmate(studentActor(mate), sent.value.assistId);
    expect(view).toMatchObject({ requesterName: s.pending.name, status: "pending", stillNeeded: true });
    expect(view?.requesterPhone).toMatch(/^\d{3}\*{4}\d{4}$/);

    const answered = await answerClassmateAssist(studentActor(mate), {
      assistId: sent.value.assistId,
      answer: "yes",
    });
    expect(answered).toEqual({ ok: true, value: { status: "accepted" } });
    expect((await db.account.findUniqueOrThrow({ where: { id: s.pending.id } })).identityStatus).toBe(
      "verified",
    );
    const holder = await db.account.findUniqueOrThrow({ where: { id: s.holder.id } });
    expect(holder.identityStatus).toBe("cancelled");
    expect(await db.outboundMessage.count({ where: { to: s.holder.phone } })).toBe(1);
    const assist = await db.classmateAssist.findUniqueOrThrow({ where: { id: sent.value.assistId } });
    expect(assist).toMatchObject({ status: "accepted" });
    expect(assist.answeredAt).not.toBeNull();
    expect(
      await db.identityCase.count({
        where: { accountId: s.pending.id, kind: "classmate_assist", status: "approved" },
      }),
    ).toBe(1);
    // answering twice changes nothing
    const again = await answerClassmateAssist(studentActor(mate), {
      assistId: sent.value.assistId,
      answer: "yes",
    });
    expect(again.ok).toBe(false);
  });

  it("否 declines and tells the requester; the account stays pending", async () => {
    const s = await duplicateScenario();
    const mate = await classmateIn(s.cls);
    const sent = await requestClassmateAssist(studentActor(s.pending), {
      classmateName: mate.name,
      classmatePhone: mate.phone,
      ownPhone: s.pending.phone,
    });
    if (!sent.ok) throw new Error("request refused");
    const answered = await answerClassmateAssist(studentActor(mate), {
      assistId: sent.value.assistId,
      answer: "no",
    });
    expect(answered).toEqual({ ok: true, value: { status: "declined" } });
    expect((await db.account.findUniqueOrThrow({ where: { id: s.pending.id } })).identityStatus).toBe(
      "pending",
    );
    expect((await db.account.findUniqueOrThrow({ where: { id: s.holder.id } })).identityStatus).toBe(
      "verified",
    );
    expect(
      await db.notification.count({ where: { accountId: s.pending.id, kind: "identity.assistDeclined" } }),
    ).toBe(1);
  });

  it("refuses non-classmates, unknown phones and pending accounts with one message, and oneself plainly", async () => {
    const s = await duplicateScenario();
    const otherClass = await makeClass();
    const stranger = await classmateIn(otherClass);
    const pendingMate = await makeAccount({ name: randomName(), idNumber: randomIdNumber() }, "pending");
    await makeRecord(s.cls, { name: pendingMate.name, idNumber: randomIdNumber() });
    const mate = await classmateIn(s.cls);
    const actor = studentActor(s.pending);
    const ask = (classmateName: string, classmatePhone: string) =>
      requestClassmateAssist(actor, { classmateName, classmatePhone, ownPhone: s.pending.phone });

    expect(await ask(stranger.name, stranger.phone)).toMatchObject({ ok: false, fieldErrors: NOT_ELIGIBLE });
    expect(await ask(randomName(), randomPhone())).toMatchObject({ ok: false, fieldErrors: NOT_ELIGIBLE });
    expect(await ask(pendingMate.name, pendingMate.phone)).toMatchObject({
      ok: false,
      fieldErrors: NOT_ELIGIBLE,
    });
    // right phone, wrong name
    expect(await ask(`${mate.name}某`, mate.phone)).toMatchObject({ ok: false, fieldErrors: NOT_ELIGIBLE });
    // the verified holder of the same ID number is in the same class, but is "oneself" by identity
    expect(await ask(s.holder.name, s.holder.phone)).toMatchObject({ ok: false, fieldErrors: NOT_ELIGIBLE });
    expect(await ask(s.pending.name, s.pending.phone)).toMatchObject({
      ok: false,
      fieldErrors: { classmatePhone: { key: "identity.assist.errors.self" } },
    });
    expect(await db.classmateAssist.count({ where: { requesterAccountId: s.pending.id } })).toBe(0);
  });

  it("checks the fields", async () => {
    const s = await duplicateScenario();
    const result = await requestClassmateAssist(studentActor(s.pending), {
      classmateName: " ",
      classmatePhone: "12345",
      ownPhone: randomPhone(),
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        classmateName: { key: "identity.assist.errors.nameRequired" },
        classmatePhone: { key: "identity.assist.errors.phoneFormat" },
        ownPhone: { key: "identity.assist.errors.ownPhoneMismatch" },
      },
    });
  });

  it("allows at most 5 requests a day", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-04-07T01:00:00Z"));
    const s = await duplicateScenario();
    const mates = await Promise.all(Array.from({ length: 6 }, () => classmateIn(s.cls)));
    const actor = studentActor(s.pending);
    for (const mate of mates.slice(0, 5)) {
      const r = await requestClassmateAssist(actor, {
        classmateName: mate.name,
        classmatePhone: mate.phone,
        ownPhone: s.pending.phone,
      });
      expect(r.ok).toBe(true);
    }
    const sixth = await requestClassmateAssist(actor, {
      classmateName: mates[5].name,
      classmatePhone: mates[5].phone,
      ownPhone: s.pending.phone,
    });
    expect(sixth).toMatchObject({
      ok: false,
      fieldErrors: { classmateName: { key: "identity.assist.errors.dailyLimit" } },
    });
    vi.setSystemTime(new Date("2026-04-08T01:00:00Z"));
    const nextDay = await requestClassmateAssist(actor, {
      classmateName: mates[5].name,
      classmatePhone: mates[5].phone,
      ownPhone: s.pending.phone,
    });
    expect(nextDay.ok).toBe(true);
  });

  it("expires after 7 days: an expired request cannot be answered", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-05-01T02:00:00Z"));
    const s = await duplicateScenario();
    const mate = await classmateIn(s.cls);
    const sent = await requestClassmateAssist(studentActor(s.pending), {
      classmateName: mate.name,
      classmatePhone: mate.phone,
      ownPhone: s.pending.phone,
    });
    if (!sent.ok) throw new Error("request refused");
    vi.setSystemTime(new Date("2026-05-08T01:59:00Z"));
    expect((await assistForClassmate(studentActor(mate), sent.value.assistId))?.status).toBe("pending");
    vi.setSystemTime(new Date("2026-05-08T02:00:01Z"));
    expect((await assistForClassmate(studentActor(mate), sent.value.assistId))?.status).toBe("expired");
    const answered = await answerClassmateAssist(studentActor(mate), {
      assistId: sent.value.assistId,
      answer: "yes",
    });
    expect(answered).toEqual({
      ok: false,
      error: { key: "identity.assist.errors.expired", params: undefined },
    });
    expect((await db.account.findUniqueOrThrow({ where: { id: s.pending.id } })).identityStatus).toBe(
      "pending",
    );
  });

  it("is not found for anyone but the classmate it was sent to", async () => {
    const s = await duplicateScenario();
    const mate = await classmateIn(s.cls);
    const other = await classmateIn(s.cls);
    const sent = await requestClassmateAssist(studentActor(s.pending), {
      classmateName: mate.name,
      classmatePhone: mate.phone,
      ownPhone: s.pending.phone,
    });
    if (!sent.ok) throw new Error("request refused");
    expect(await assistForClassmate(studentActor(other), sent.value.assistId)).toBeNull();
    const answered = await answerClassmateAssist(studentActor(other), {
      assistId: sent.value.assistId,
      answer: "yes",
    });
    expect(answered).toMatchObject({ ok: false, error: { key: "identity.assist.errors.notFound" } });
    expect((await db.account.findUniqueOrThrow({ where: { id: s.pending.id } })).identityStatus).toBe(
      "pending",
    );
  });
});
