"use client";

import { Badge } from "@/components/ui/Badge";
import { RowTh, Td } from "@/components/ui/Table";
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
 * arrays are a fraction of that. The markup is the same; the reveal buttons still submit the table's
 * forms without JavaScript (components/progress/RevealForms.tsx).
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
          <Td className="font-mono text-xs">{studentNumber}</Td>
          <RowTh>{name}</RowTh>
          <Td>{gender}</Td>
          <Td className="cell-unit">{college}</Td>
          <Td className="cell-unit">{major}</Td>
          <Td>{classGroup}</Td>
          <Td>
            {canReveal ? (
              <RevealCell kind="id" recordId={id} masked={idMasked} name={name} />
            ) : (
              <span className="font-mono text-xs">{idMasked}</span>
            )}
          </Td>
          <Td>
            {phone === null ? (
              <span className="text-xs text-slate-500">{labels.noPhone}</span>
            ) : canRevealPhone ? (
              <RevealCell kind="phone" recordId={id} masked={phone} name={name} />
            ) : (
              <span className="font-mono text-xs">{phone}</span>
            )}
          </Td>
          <Td>
            {/* one badge a line: the list fits a 1280 px window without scrolling sideways */}
            <span className="flex flex-col items-start gap-1">
              {flags & REPORTED ? <Badge tone="warning">{labels.reported}</Badge> : null}
              <Badge tone={flags & REGISTERED ? "brand" : "danger"}>
                {flags & REGISTERED ? labels.registeredYes : labels.registeredNo}
              </Badge>
              <Badge tone={flags & VIEWED ? "warning" : "neutral"}>
                {flags & VIEWED ? labels.viewedYes : labels.viewedNo}
              </Badge>
            </span>
          </Td>
        </tr>
      ))}
    </tbody>
  );
}
