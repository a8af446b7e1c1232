import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { deliverReminders, previewReminder, remindNotConfirmed } from "@/lib/reminders/send";
import { collegeActor } from "../roster-import/support";
import { makeAccount, makeCollege, uniqueCohort } from "../progress/support";

afterEach(() => vi.useRealTimers());

describe("reminders", () => {
  it("reaches each not-confirmed student once per Shanghai day, and counts who was skipped", async () => {
    const cohort = uniqueCohort();
    const a = await makeCollege("提醒院", cohort, 4);
    const other = await makeCollege("他院", cohort, 2);
    const campaign = await db.campaign.create({
      data: {
        name: `${cohort}级自查`,
        cohort,
        level: "本科",
        startsAt: new Date(Date.now() - 86_400_000),
        endsAt: new Date(Date.now() + 7 * 86_400_000),
      },
    });
    const withSms = await makeAccount({ notifyBySms: true, email: `r${Date.now()}@example.edu.cn` });
    const quiet = await makeAccount({ notifyBySms: false });
    const confirmed = await makeAccount();
    await db.enrollmentRecord.update({ where: { id: a.records[0].id }, data: { accountId: withSms.id } });
    await db.enrollmentRecord.update({ where: { id: a.records[1].id }, data: { accountId: quiet.id } });
    await db.enrollmentRecord.update({ where: { id: a.records[2].id }, data: { accountId: confirmed.id } });
    await db.selfCheck.create({
      data: {
        campaignId: campaign.id,
        recordId: a.records[2].id,
        accountId: confirmed.id,
        confirmedAt: new Date(),
        confirmedVersion: 1,
      },
    });
    const actor = collegeActor([a.college.id]);

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-25T15:30:00Z")); // 23:30 in Shanghai
    const first = await remindNotConfirmed(actor, campaign);
    expect(first.ok && first.value.report).toEqual({
      total: 3,
      reached: 2,
      skippedNoAccount: 1,
      skippedAlreadyToday: 0,
      skippedReported: 0,
      sms: 1,
      email: 1,
    });
    expect(
      await db.notification.count({ where: { accountId: withSms.id, kind: "reminder.notChecked" } }),
    ).toBe(1);
    expect(await db.notification.count({ where: { accountId: confirmed.id } })).toBe(0);
    const messages = first.ok ? first.value.messages : [];
    expect(messages.map((m) => [m.channel, m.to])).toEqual([
      ["sms", withSms.phone],
      ["email", withSms.email],
    ]);
    expect(await deliverReminders(messages)).toEqual({ sent: 2, failed: 0 });
    expect(await db.outboundMessage.count({ where: { to: withSms.phone } })).toBe(1);

    vi.setSystemTime(new Date("2026-11-25T15:50:00Z")); // same Shanghai day
    const again = await remindNotConfirmed(actor, campaign);
    expect(again.ok && again.value.report).toMatchObject({
      reached: 0,
      skippedAlreadyToday: 2,
      skippedNoAccount: 1,
      sms: 0,
    });
    expect(
      await db.notification.count({ where: { accountId: withSms.id, kind: "reminder.notChecked" } }),
    ).toBe(1);

    vi.setSystemTime(new Date("2026-11-25T16:05:00Z")); // 00:05 the next day in Shanghai
    const nextDay = await remindNotConfirmed(actor, campaign);
    expect(nextDay.ok && nextDay.value.report).toMatchObject({ reached: 2, skippedAlreadyToday: 0 });
    expect(await db.reminderLog.count({ where: { campaignId: campaign.id } })).toBe(4);
    expect(
      await db.reminderLog.count({
        where: { campaignId: campaign.id, recordId: { in: other.records.map((r) => r.id) } },
      }),
    ).toBe(0);
    expect(await db.auditLog.count({ where: { action: "reminder.send", targetId: campaign.id } })).toBe(3);
  });

  it("previews who will receive it and the text without writing, and skips students who reported an error", async () => {
    const cohort = uniqueCohort();
    const a = await makeCollege("报错院", cohort, 3);
    const campaign = await db.campaign.create({
      data: {
        name: `${cohort}级自查`,
        cohort,
        level: "本科",
        startsAt: new Date(Date.now() - 86_400_000),
        endsAt: new Date(Date.now() + 7 * 86_400_000),
      },
    });
    const reporter = await makeAccount();
    const waiting = await makeAccount({ email: `w${Date.now()}@example.edu.cn` });
    await db.enrollmentRecord.update({ where: { id: a.records[0].id }, data: { accountId: reporter.id } });
    await db.enrollmentRecord.update({ where: { id: a.records[1].id }, data: { accountId: waiting.id } });
    await db.correctionRequest.create({
      data: {
        recordId: a.records[0].id,
        accountId: reporter.id,
        campaignId: campaign.id,
        collegeId: a.college.id,
        recordVersionAtSubmit: 1,
        status: "college_confirmed",
      },
    });
    const actor = collegeActor([a.college.id]);

    const preview = await previewReminder(actor, campaign);
    expect(preview.ok && preview.value.report).toEqual({
      total: 3,
      reached: 1,
      skippedReported: 1,
      skippedNoAccount: 1,
      skippedAlreadyToday: 0,
      sms: 1,
      email: 1,
    });
    const sample = preview.ok ? preview.value.sample : null;
    expect(sample?.sms).toMatch(/^【学籍自查】学生1同学：您的学籍信息尚未确认/);
    expect(sample?.email).toContain("学生1同学");
    // a preview writes nothing: no notice, no log, no audit entry
    expect(await db.reminderLog.count({ where: { campaignId: campaign.id } })).toBe(0);
    expect(await db.notification.count({ where: { accountId: { in: [reporter.id, waiting.id] } } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "reminder.send", targetId: campaign.id } })).toBe(0);

    const sent = await remindNotConfirmed(actor, campaign);
    expect(sent.ok && sent.value.report).toMatchObject({ reached: 1, skippedReported: 1 });
    expect(sent.ok && sent.value.messages.map((m) => m.to)).toEqual([waiting.phone, waiting.email]);
    expect(await db.notification.count({ where: { accountId: reporter.id } })).toBe(0);
    expect(sent.ok && sent.value.messages[0].body).toBe(sample?.sms);

    // once the request is decided (closed), the student is chased again
    await db.correctionRequest.updateMany({
      where: { recordId: a.records[0].id },
      data: { status: "rejected" },
    });
    const again = await previewReminder(actor, campaign);
    expect(again.ok && again.value.report).toMatchObject({
      reached: 1,
      skippedReported: 0,
      skippedAlreadyToday: 1,
    });
    await expect(previewReminder({ ...actor, roles: ["support"] }, campaign)).rejects.toThrow();
  });

  it("is refused to staff without the permission", async () => {
    const cohort = uniqueCohort();
    const campaign = await db.campaign.create({
      data: { name: "x", cohort, level: "本科", startsAt: new Date(), endsAt: new Date(Date.now() + 1000) },
    });
    await expect(remindNotConfirmed({ ...collegeActor([]), roles: ["support"] }, campaign)).rejects.toThrow();
  });
});
