/**
 * Calendar arithmetic in the school's time zone (Asia/Shanghai, UTC+8 all year: China has no daylight
 * saving time, so a fixed offset is exact). Working days are Monday–Friday, except the public holidays the
 * admin lists, plus the make-up working days (调休) the admin lists — a Saturday or Sunday the State
 * Council's holiday notice makes a working day (docs/identity-cases.md).
 */

/** The admin's holiday calendar: "YYYY-MM-DD" school days. */
export type WorkingCalendar = { holidays: readonly string[]; workdays: readonly string[] };
export const NO_HOLIDAYS: WorkingCalendar = { holidays: [], workdays: [] };
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" of the school's calendar day containing this instant. */
export function schoolDayKey(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant the school's calendar day containing `at` began (00:00 in Shanghai). */
export function startOfSchoolDay(at: Date): Date {
  const local = at.getTime() + OFFSET_MS;
  return new Date(Math.floor(local / DAY_MS) * DAY_MS - OFFSET_MS);
}

export function isWeekend(at: Date): boolean {
  const weekday = new Date(at.getTime() + OFFSET_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Whether the school's day containing `at` is a working day under the calendar. */
export function isWorkingDay(at: Date, calendar: WorkingCalendar = NO_HOLIDAYS): boolean {
  const day = schoolDayKey(at);
  if (calendar.workdays.includes(day)) return true;
  return !isWeekend(at) && !calendar.holidays.includes(day);
}

/**
 * `from` plus n working days. A case filed on a day off starts counting at the next working day's 00:00,
 * so Friday 15:00 + 3 is Wednesday 15:00 and Saturday 10:00 + 3 is Thursday 00:00 (the end of Wednesday);
 * holidays are skipped and 调休 Saturdays count.
 */
export function addWorkingDays(from: Date, n: number, calendar: WorkingCalendar = NO_HOLIDAYS): Date {
  let at = from;
  // a year of days off in a row is not a calendar anyone means: stop rather than loop for ever
  for (let guard = 0; !isWorkingDay(at, calendar) && guard < 400; guard++)
    at = startOfSchoolDay(new Date(at.getTime() + DAY_MS));
  let added = 0;
  for (let guard = 0; added < n && guard < 400 + n; guard++) {
    at = new Date(at.getTime() + DAY_MS);
    if (isWorkingDay(at, calendar)) added++;
  }
  return at;
}

export type DueState = "onTime" | "dueSoon" | "overdue";

/** Overdue after the deadline; "due soon" in the last 24 hours before it. */
export function dueState(dueAt: Date, now: Date): DueState {
  const left = dueAt.getTime() - now.getTime();
  if (left < 0) return "overdue";
  return left <= DAY_MS ? "dueSoon" : "onTime";
}

/** Whole hours between two instants (the age of a case in the queue). */
export function hoursBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 3_600_000));
}
