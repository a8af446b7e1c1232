import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  dueState,
  isWeekend,
  schoolDayKey,
  startOfSchoolDay,
} from "@/lib/identity-cases/working-days";

// Times are written in UTC; Shanghai is UTC+8 (no daylight saving).
describe("addWorkingDays (3-working-day promise)", () => {
  it.each([
    ["Monday 10:00", "2026-06-01T02:00:00Z", "2026-06-04T02:00:00.000Z"], // → Thursday 10:00
    ["Wednesday 10:00", "2026-06-03T02:00:00Z", "2026-06-08T02:00:00.000Z"], // → Monday 10:00
    ["Friday 15:00", "2026-06-05T07:00:00Z", "2026-06-10T07:00:00.000Z"], // → Wednesday 15:00
    ["Saturday 10:00", "2026-06-06T02:00:00Z", "2026-06-10T16:00:00.000Z"], // → Thursday 00:00
    ["Sunday 23:30", "2026-06-07T15:30:00Z", "2026-06-10T16:00:00.000Z"], // → Thursday 00:00
    ["Friday 23:59 Shanghai (Friday 15:59 UTC)", "2026-06-05T15:59:00Z", "2026-06-10T15:59:00.000Z"],
    ["Saturday 00:30 Shanghai (Friday 16:30 UTC)", "2026-06-05T16:30:00Z", "2026-06-10T16:00:00.000Z"],
  ])("%s", (_label, from, due) => {
    expect(addWorkingDays(new Date(from), 3).toISOString()).toBe(due);
  });

  // 国庆 2027 as the admin might enter it: 10-01…10-07 off, Saturday 10-09 a make-up working day (调休)
  const nationalDay = {
    holidays: ["2027-10-01", "2027-10-04", "2027-10-05", "2027-10-06", "2027-10-07"],
    workdays: ["2027-10-09"],
  };
  it.each([
    // Thursday 15:00 → Fri 10-08 (1), Sat 10-09 调休 (2), Mon 10-11 (3), 15:00
    ["Thursday before the holiday", "2027-09-30T07:00:00Z", "2027-10-11T07:00:00.000Z"],
    // filed on a holiday: counting starts at the next working day, Friday 10-08 00:00 → Tuesday 10-12 00:00
    ["on a holiday", "2027-10-03T02:00:00Z", "2027-10-11T16:00:00.000Z"],
    // filed on the 调休 Saturday itself: it is a working day, so Sat 10:00 + 3 = Wed 10:00
    ["on the make-up Saturday", "2027-10-09T02:00:00Z", "2027-10-13T02:00:00.000Z"],
  ])("with holidays and 调休: %s", (_label, from, due) => {
    expect(addWorkingDays(new Date(from), 3, nationalDay).toISOString()).toBe(due);
  });

  it("without a calendar the same Thursday is due the next Tuesday", () => {
    expect(addWorkingDays(new Date("2027-09-30T07:00:00Z"), 3).toISOString()).toBe(
      "2027-10-05T07:00:00.000Z",
    );
  });

  it("stops on a calendar with no working day in sight", () => {
    const everyDayOff = {
      holidays: Array.from({ length: 500 }, (_, i) =>
        new Date(Date.UTC(2030, 0, 1 + i)).toISOString().slice(0, 10),
      ),
      workdays: [],
    };
    expect(() => addWorkingDays(new Date("2030-01-01T02:00:00Z"), 3, everyDayOff)).not.toThrow();
  });

  it("adds zero days as the start itself on a weekday", () => {
    expect(addWorkingDays(new Date("2026-06-02T02:00:00Z"), 0).toISOString()).toBe(
      "2026-06-02T02:00:00.000Z",
    );
  });
});

describe("school calendar", () => {
  it.each([
    ["2026-06-05T15:59:59Z", "2026-06-05", false],
    ["2026-06-05T16:00:00Z", "2026-06-06", true],
    ["2026-06-07T15:59:59Z", "2026-06-07", true],
    ["2026-06-07T16:00:00Z", "2026-06-08", false],
  ])("%s is %s (weekend: %s)", (at, day, weekend) => {
    expect(schoolDayKey(new Date(at))).toBe(day);
    expect(isWeekend(new Date(at))).toBe(weekend);
  });

  it("starts the day at 00:00 Shanghai", () => {
    expect(startOfSchoolDay(new Date("2026-06-05T15:00:00Z")).toISOString()).toBe("2026-06-04T16:00:00.000Z");
    expect(startOfSchoolDay(new Date("2026-06-05T16:00:00Z")).toISOString()).toBe("2026-06-05T16:00:00.000Z");
  });
});

describe("dueState", () => {
  const due = new Date("2026-06-10T07:00:00Z");
  it.each([
    ["2026-06-08T07:00:00Z", "onTime"],
    ["2026-06-09T07:00:00Z", "dueSoon"],
    ["2026-06-10T06:59:59Z", "dueSoon"],
    ["2026-06-10T07:00:01Z", "overdue"],
  ])("at %s → %s", (now, state) => {
    expect(dueState(due, new Date(now))).toBe(state);
  });
});
