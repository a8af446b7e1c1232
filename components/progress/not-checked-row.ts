import type { NotCheckedRow } from "@/lib/progress/not-checked";

/**
 * One student of the not-checked list as the page sends it to the table body (NotCheckedRows): an array,
 * the states as bits. A plain module: constants exported by a client module are references on the server.
 */
export type NotCheckedCompactRow = [
  id: string,
  studentNumber: string,
  name: string,
  gender: string,
  /** null when the list is of one college (no college column) */
  college: string | null,
  major: string,
  classGroup: string,
  idMasked: string,
  phoneMasked: string | null,
  flags: number,
];

export const REGISTERED = 1;
export const VIEWED = 2;
export const REPORTED = 4;

export function compactRow(r: NotCheckedRow, gender: string, showCollege = true): NotCheckedCompactRow {
  const flags = (r.registered ? REGISTERED : 0) | (r.viewed ? VIEWED : 0) | (r.reported ? REPORTED : 0);
  return [
    r.id,
    r.studentNumber,
    r.name,
    gender,
    showCollege ? r.college : null,
    r.major,
    r.classGroup,
    r.idMasked,
    r.phoneMasked,
    flags,
  ];
}
