import "server-only";
import { readRaw } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import type { RecordWithOrg } from "./view";

export type PlainRecord = Omit<RecordWithOrg, "college" | "major" | "classGroup">;

/**
 * The college, major and class names of the records in one statement (an `include` of the three sends one
 * statement per relation; /record reads this on every view).
 */
export async function withOrgNames(records: PlainRecord[]): Promise<RecordWithOrg[]> {
  if (records.length === 0) return [];
  const ids = (key: "collegeId" | "majorId" | "classGroupId") =>
    Prisma.join([...new Set(records.map((r) => r[key]))]);
  const rows = await readRaw<{ kind: string; id: string; name: string }[]>`
    SELECT 'college' AS "kind", "id", "name" FROM "College" WHERE "id" IN (${ids("collegeId")})
    UNION ALL SELECT 'major', "id", "name" FROM "Major" WHERE "id" IN (${ids("majorId")})
    UNION ALL SELECT 'classGroup', "id", "name" FROM "ClassGroup" WHERE "id" IN (${ids("classGroupId")})`;
  const unit = (kind: string, id: string) => {
    const row = rows.find((r) => r.kind === kind && r.id === id);
    if (!row) throw new Error(`record refers to a missing ${kind}`); // foreign keys make this impossible
    return { id: row.id, name: row.name };
  };
  return records.map((r) => ({
    ...r,
    college: unit("college", r.collegeId),
    major: unit("major", r.majorId),
    classGroup: unit("classGroup", r.classGroupId),
  }));
}
