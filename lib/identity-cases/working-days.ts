/**
 * Calendar arithmetic in the school's time zone (Asia/Shanghai, UTC+8 all year: China has no daylight
 * saving time, so a fixed offset is exact). Working days are Monday–Friday; public holidays are not
 * modelled (docs/identity-cases.md).
 */
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

/**
 * `from` plus n working days. A case filed at the weekend starts counting on Monday 00:00, so Friday 15:00
 * + 3 is Wednesday 15:00 and Saturday 10:00 + 3 is Thursday 00:00 (the end of Wednesday).
 */
export function addWorkingDays(from: Date, n: number): Date {
  let at = from;
  while (isWeekend(at)) at = startOfSchoolDay(new Date(at.getTime() + DAY_MS));
  let added = 0;
  while (added < n) {
    at = new Date(at.getTime() + DAY_MS);
    if (!isWeekend(at)) added++;
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
