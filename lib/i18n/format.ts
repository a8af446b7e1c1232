/**
 * Dates and times as the school reads them (Asia/Shanghai), the same in both languages. The formatters are
 * made once: constructing an Intl.DateTimeFormat costs far more than formatting with one, and a staff page
 * formats a date for every campaign and row it shows.
 */
const dateTime = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

const date = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

export function formatDateTime(value: Date | string): string {
  return dateTime.format(typeof value === "string" ? new Date(value) : value);
}

export function formatDate(value: Date | string): string {
  return date.format(typeof value === "string" ? new Date(value) : value);
}
