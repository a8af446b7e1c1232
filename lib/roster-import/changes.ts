import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { FieldChange } from "./diff";

export type ChangeKind = "new" | "changed" | "lock" | "locked";

export type ChangeRow = {
  id: string;
  rowNumber: number;
  studentNumber: string;
  name: string;
  kind: string;
  fields: FieldChange[];
  college: string | null;
  classGroup: string | null;
};

function parseFields(json: string): FieldChange[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? (value as FieldChange[]) : [];
  } catch {
    return [];
  }
}

/**
 * One page of what a job will change (or changed), in file order, with the total: which students, which
 * fields old → new (ID numbers masked), or who a graduation lock locks — with each student's college and
 * class as they are now.
 */
export async function listChanges(
  actor: Actor,
  job: { id: string; kind: string },
  options: { kinds: ChangeKind[]; page: number; pageSize?: number },
): Promise<{ rows: ChangeRow[]; total: number; pageSize: number }> {
  assertCan(actor, job.kind === "graduation_lock" ? "graduationLock.manage" : "roster.import");
  const pageSize = options.pageSize ?? 50;
  const where = { jobId: job.id, kind: { in: options.kinds } };
  const [rows, total] = await Promise.all([
    db.importChange.findMany({
      where,
      orderBy: [{ rowNumber: "asc" }, { id: "asc" }],
      skip: (options.page - 1) * pageSize,
      take: pageSize,
    }),
    db.importChange.count({ where }),
  ]);
  const recordIds = rows.flatMap((r) => (r.recordId ? [r.recordId] : []));
  const records = recordIds.length
    ? await db.enrollmentRecord.findMany({
        where: { id: { in: recordIds } },
        select: { id: true, college: { select: { name: true } }, classGroup: { select: { name: true } } },
      })
    : [];
  const placeOf = new Map(records.map((r) => [r.id, r]));
  return {
    rows: rows.map((r) => {
      const place = r.recordId ? placeOf.get(r.recordId) : undefined;
      return {
        id: r.id,
        rowNumber: r.rowNumber,
        studentNumber: r.studentNumber,
        name: r.name,
        kind: r.kind,
        fields: parseFields(r.fields),
        college: place?.college.name ?? null,
        classGroup: place?.classGroup.name ?? null,
      };
    }),
    total,
    pageSize,
  };
}

/** Who uploaded each job: staff display names (API tokens by their name), for the import list. */
export type Uploader = { name: string; username: string | null };

export async function uploaderNames(ids: readonly string[]): Promise<Map<string, Uploader>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const [staff, tokens] = await Promise.all([
    db.staffUser.findMany({
      where: { id: { in: unique } },
      select: { id: true, displayName: true, username: true },
    }),
    db.apiToken.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } }),
  ]);
  return new Map<string, Uploader>([
    ...staff.map((s) => [s.id, { name: s.displayName, username: s.username }] as const),
    ...tokens.map((t) => [t.id, { name: t.name, username: null }] as const),
  ]);
}
