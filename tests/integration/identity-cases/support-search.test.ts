import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { readSettings, updateSettings } from "@/lib/admin/settings";
import { submitPhotoReview } from "@/lib/identity-cases/photo-review";
import { decideIdentityCase } from "@/lib/identity-cases/support-decide";
import { caseForReview, listSupportQueue, searchSupportCases } from "@/lib/identity-cases/support-queue";
import { SETTING_KEYS } from "@/lib/settings";
import { duplicateScenario, jpegWithExif, makeStaff, png, studentActor } from "./fixtures";

/** Issue 12 item 18: closed cases found again with their history; the promise counts with holidays. */
afterEach(() => vi.useRealTimers());
afterAll(async () => {
  await db.setting.deleteMany({ where: { key: SETTING_KEYS.workingCalendar } });
});

async function uploaded() {
  const s = await duplicateScenario();
  const r = await submitPhotoReview(studentActor(s.pending), {
    front: await jpegWithExif(),
    back: await png(),
  });
  if (!r.ok) throw new Error("upload refused");
  return { ...s, caseId: r.value.caseId };
}

describe("holiday calendar", () => {
  it("the admin sets holidays and 调休 days; bad dates and overlaps are refused at the field", async () => {
    const admin = await makeStaff("admin");
    const before = (await readSettings(admin)).calendar;
    for (const [input, field, key] of [
      [
        { holidays: "2027-10-01\n2027-02-30", workdays: "" },
        "holidays",
        "admin.settings.errors.calendarDays",
      ],
      [{ holidays: "2027/10/01", workdays: "" }, "holidays", "admin.settings.errors.calendarDays"],
      [{ holidays: "", workdays: "<script>" }, "workdays", "admin.settings.errors.calendarDays"],
      [
        { holidays: "2027-10-01", workdays: "2027-10-01" },
        "workdays",
        "admin.settings.errors.calendarOverlap",
      ],
    ] as const) {
      expect(await updateSettings(admin, "calendar", input)).toMatchObject({
        ok: false,
        fieldErrors: { [field]: { key } },
      });
    }
    expect((await readSettings(admin)).calendar).toEqual(before);

    const saved = await updateSettings(admin, "calendar", {
      holidays: "2027-10-07 2027-10-01,2027-10-04、2027-10-05\n2027-10-06\n2027-10-01",
      workdays: "2027-10-09",
    });
    expect(saved.ok).toBe(true);
    expect((await readSettings(admin)).calendar).toEqual({
      holidays: ["2027-10-01", "2027-10-04", "2027-10-05", "2027-10-06", "2027-10-07"],
      workdays: ["2027-10-09"],
    });
    expect(
      await db.auditLog.count({
        where: { action: "settings.update", targetId: "calendar", actorId: admin.staffUserId },
      }),
    ).toBe(1);
    await expect(
      updateSettings(await makeStaff("support"), "calendar", { holidays: "", workdays: "" }),
    ).rejects.toThrow();
  });

  it("the support queue's deadline skips the holidays and counts the 调休 Saturday", async () => {
    const admin = await makeStaff("admin");
    await updateSettings(admin, "calendar", {
      holidays: "2027-10-01 2027-10-04 2027-10-05 2027-10-06 2027-10-07",
      workdays: "2027-10-09",
    });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2027-09-30T07:00:00Z")); // Thursday 15:00 in Shanghai
    const s = await uploaded();
    const support = await makeStaff("support");
    vi.setSystemTime(new Date("2027-10-08T02:00:00Z"));
    const item = (await listSupportQueue(support)).items.find((i) => i.id === s.caseId);
    // without the calendar it would have been due on Tuesday 10-05 (and overdue now)
    expect(item?.dueAt.toISOString()).toBe("2027-10-11T07:00:00.000Z");
    expect(item?.due).toBe("onTime");
    const view = await caseForReview(support, s.caseId);
    expect(view?.dueAt.toISOString()).toBe("2027-10-11T07:00:00.000Z");
  });
});

describe("finding closed cases", () => {
  it("by name, full ID number or phone, with a status filter; the case page keeps the history", async () => {
    const support = await makeStaff("support");
    const open = await uploaded();
    const closed = await uploaded();
    expect(
      await decideIdentityCase(support, {
        caseId: closed.caseId,
        decision: "reject",
        reasonCode: "not_owner",
      }),
    ).toMatchObject({ ok: true });

    const byName = await searchSupportCases(support, { q: closed.person.name });
    expect(byName.rows.map((r) => r.id)).toContain(closed.caseId);
    expect(byName.rows.find((r) => r.id === closed.caseId)).toMatchObject({
      status: "rejected",
      decidedBy: support.username,
    });
    const byId = await searchSupportCases(support, { q: closed.person.idNumber.toLowerCase() });
    expect(byId.rows.map((r) => r.id)).toEqual([closed.caseId]);
    const byPhone = await searchSupportCases(support, { q: closed.pending.phone });
    expect(byPhone.rows.map((r) => r.id)).toEqual([closed.caseId]);
    const rejectedOnly = await searchSupportCases(support, { q: open.person.name, status: "rejected" });
    expect(rejectedOnly.rows.map((r) => r.id)).not.toContain(open.caseId);
    expect(JSON.stringify(byName.rows)).not.toContain(closed.person.idNumber);

    // a partial ID number is a name search, and finds nothing: no fishing for numbers
    expect((await searchSupportCases(support, { q: closed.person.idNumber.slice(0, 10) })).total).toBe(0);
    expect(await searchSupportCases(support, { q: "" })).toMatchObject({ searched: false, rows: [] });
    expect((await searchSupportCases(support, { q: "%' OR 1=1 --" })).total).toBe(0);

    const view = await caseForReview(support, closed.caseId);
    expect(view?.status).toBe("rejected");
    expect(view?.history.map((h) => h.action)).toEqual(
      expect.arrayContaining(["identityCase.photoReview.submit", "identityCase.reject"]),
    );
    await expect(searchSupportCases(await makeStaff("college"), { q: closed.person.name })).rejects.toThrow();
  });
});
