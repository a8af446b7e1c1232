import "server-only";
import { db } from "@/lib/db";
import { maskStudentNumber } from "./audit-words";

/** Who or what an entry is about, in words: a name and, for students, the masked 学号. */
export type AuditTarget = { name: string; studentNumberMasked?: string };

const key = (type: string, id: string) => `${type}:${id}`;

/**
 * Names of the targets of a page of entries, with a few reads per target type (never one per row).
 * Students are named by their record (name, masked 学号) whether the entry is about the record, the
 * account, a correction request, a support case or a binding request. Unknown types and deleted targets
 * are left out (the page shows the type and id).
 */
export async function describeAuditTargets(
  rows: readonly { targetType: string | null; targetId: string | null }[],
): Promise<Map<string, AuditTarget>> {
  const ids = (...types: string[]) => [
    ...new Set(rows.filter((r) => r.targetId && types.includes(r.targetType ?? "")).map((r) => r.targetId!)),
  ];
  const out = new Map<string, AuditTarget>();
  const student = (r: { name: string; studentNumber: string }): AuditTarget => ({
    name: r.name,
    studentNumberMasked: maskStudentNumber(r.studentNumber),
  });
  const recordSelect = { name: true, studentNumber: true } as const;

  const [records, corrections, accounts, cases, bindings, staff, campaigns, tokens] = await Promise.all([
    db.enrollmentRecord.findMany({
      where: { id: { in: ids("EnrollmentRecord") } },
      select: { id: true, ...recordSelect },
    }),
    db.correctionRequest.findMany({
      where: { id: { in: ids("CorrectionRequest") } },
      select: { id: true, record: { select: recordSelect } },
    }),
    db.account.findMany({
      where: { id: { in: ids("Account", "account") } },
      select: { id: true, name: true, records: { select: recordSelect, take: 1 } },
    }),
    db.identityCase.findMany({
      where: { id: { in: ids("identityCase") } },
      select: { id: true, account: { select: { name: true, records: { select: recordSelect, take: 1 } } } },
    }),
    db.recordBindingRequest.findMany({
      where: { id: { in: ids("RecordBindingRequest") } },
      select: { id: true, record: { select: recordSelect } },
    }),
    db.staffUser.findMany({
      where: { id: { in: ids("staffUser") } },
      select: { id: true, displayName: true },
    }),
    db.campaign.findMany({ where: { id: { in: ids("Campaign") } }, select: { id: true, name: true } }),
    db.apiToken.findMany({ where: { id: { in: ids("apiToken") } }, select: { id: true, name: true } }),
  ]);
  for (const r of records) out.set(key("EnrollmentRecord", r.id), student(r));
  for (const c of corrections) out.set(key("CorrectionRequest", c.id), student(c.record));
  for (const a of accounts) {
    const target = a.records[0] ? student(a.records[0]) : { name: a.name };
    out.set(key("Account", a.id), target);
    out.set(key("account", a.id), target);
  }
  for (const c of cases)
    out.set(
      key("identityCase", c.id),
      c.account.records[0] ? student(c.account.records[0]) : { name: c.account.name },
    );
  for (const b of bindings) out.set(key("RecordBindingRequest", b.id), student(b.record));
  for (const s of staff) out.set(key("staffUser", s.id), { name: s.displayName });
  for (const c of campaigns) out.set(key("Campaign", c.id), { name: c.name });
  for (const t of tokens) out.set(key("apiToken", t.id), { name: t.name });
  return out;
}

export function auditTargetOf(
  targets: Map<string, AuditTarget>,
  row: { targetType: string | null; targetId: string | null },
): AuditTarget | undefined {
  return row.targetType && row.targetId ? targets.get(key(row.targetType, row.targetId)) : undefined;
}

/** Records matched by a search for one student: the full 学号, or a name (at most 50 students). */
const STUDENT_MATCHES = 50;

/**
 * Every target id an entry about this student can carry: the records (by 学号 or name), their accounts,
 * correction requests, binding requests and the accounts' support cases. Empty when nobody matches.
 */
export async function studentTargetIds(query: string): Promise<string[]> {
  const q = query.trim();
  if (!q) return [];
  const records = await db.enrollmentRecord.findMany({
    where: /^[0-9A-Za-z]+$/.test(q) ? { studentNumber: q } : { name: { contains: q } },
    select: { id: true, accountId: true },
    take: STUDENT_MATCHES,
  });
  if (records.length === 0) return [];
  const recordIds = records.map((r) => r.id);
  const accountIds = records.map((r) => r.accountId).filter((id): id is string => !!id);
  const [corrections, bindings, cases] = await Promise.all([
    db.correctionRequest.findMany({ where: { recordId: { in: recordIds } }, select: { id: true } }),
    db.recordBindingRequest.findMany({ where: { recordId: { in: recordIds } }, select: { id: true } }),
    accountIds.length
      ? db.identityCase.findMany({ where: { accountId: { in: accountIds } }, select: { id: true } })
      : Promise.resolve([]),
  ]);
  return [
    ...recordIds,
    ...accountIds,
    ...corrections.map((c) => c.id),
    ...bindings.map((b) => b.id),
    ...cases.map((c) => c.id),
  ];
}
