/** Pure helpers that put audit entries into words (no database, usable anywhere). */

/** The catalogue key of an action's words: admin.audit.actionNames.<action with "." → "_">. */
export function auditActionKey(action: string): string {
  return action.replaceAll(".", "_");
}

/** 2023*****004: enough for the admin to tell students apart, not a roster to copy. */
export function maskStudentNumber(studentNumber: string): string {
  if (studentNumber.length === 0) return "";
  if (studentNumber.length <= 7) return `${studentNumber.slice(0, 1)}${"*".repeat(studentNumber.length - 1)}`;
  return `${studentNumber.slice(0, 4)}${"*".repeat(studentNumber.length - 7)}${studentNumber.slice(-3)}`;
}
