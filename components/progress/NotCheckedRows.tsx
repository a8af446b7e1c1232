"use client";

import { Badge } from "@/components/ui/Badge";
import { RevealCell } from "./RevealForms";
import { REGISTERED, REPORTED, VIEWED, type NotCheckedCompactRow } from "./not-checked-row";

export type NotCheckedLabels = {
  noPhone: string;
  reported: string;
  registeredYes: string;
  registeredNo: string;
  viewedYes: string;
  viewedNo: string;
};

/**
 * The body of the not-checked table, rendered from compact rows: as server markup each row's cells (and the
 * reveal buttons' props) travelled a second time in the page's payload as an element tree, while these
 * arrays are a fraction of that. The reveal buttons still submit the table's forms without JavaScript
 * (components/progress/RevealForms.tsx). What is the same on every row is said once: the cells' styles are
 * the table's (.not-checked-list in app/globals.css), the audit-log note is above the table, and a list of
 * one college has no college column (the college is null in every row).
 */
export function NotCheckedRows({
  rows,
  labels,
  canReveal,
  canRevealPhone,
}: {
  rows: NotCheckedCompactRow[];
  labels: NotCheckedLabels;
  canReveal: boolean;
  canRevealPhone: boolean;
}) {
  return (
    <tbody>
      {rows.map(([id, studentNumber, name, gender, college, major, classGroup, idMasked, phone, flags]) => (
        <tr key={id}>
          <td>{studentNumber}</td>
          <th scope="row">{name}</th>
          <td>{gender}</td>
          {college === null ? null : <td>{college}</td>}
          <td>{major}</td>
          <td>{classGroup}</td>
          <td>
            {canReveal ? (
              <RevealCell kind="id" recordId={id} masked={idMasked} name={name} />
            ) : (
              <span className="font-mono text-xs">{idMasked}</span>
            )}
          </td>
          <td>
            {phone === null ? (
              <span className="no-phone">{labels.noPhone}</span>
            ) : canRevealPhone ? (
              <RevealCell kind="phone" recordId={id} masked={phone} name={name} />
            ) : (
              <span className="font-mono text-xs">{phone}</span>
            )}
          </td>
          <td>
            {/* one badge a line: the list fits a 1280 px window without scrolling sideways */}
            <span className="badge-stack">
              {flags & REPORTED ? <Badge tone="warning">{labels.reported}</Badge> : null}
              <Badge tone={flags & REGISTERED ? "brand" : "danger"}>
                {flags & REGISTERED ? labels.registeredYes : labels.registeredNo}
              </Badge>
              <Badge tone={flags & VIEWED ? "warning" : "neutral"}>
                {flags & VIEWED ? labels.viewedYes : labels.viewedNo}
              </Badge>
            </span>
          </td>
        </tr>
      ))}
    </tbody>
  );
}
