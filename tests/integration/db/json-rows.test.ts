import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { queryJsonRows } from "@/lib/db/json-rows";
import { makeCollege, uniqueCohort } from "../progress/support";

/** Rows read as one JSON text (lib/db/json-rows.ts) equal the rows Prisma returns for the same query. */
describe("queryJsonRows", () => {
  it("gives every row and value the plain query gives: text with quotes and Chinese, numbers, NULL", async () => {
    const cohort = uniqueCohort();
    const { college, records } = await makeCollege('引号"与\\反斜杠·', cohort, 5);
    const query = Prisma.sql`
      SELECT r."id" AS "id", r."name" AS "name", c."name" AS "college", COUNT(s."recordId") AS "views",
        NULL AS "nothing", LENGTH(r."name") AS "length"
      FROM "EnrollmentRecord" r
      JOIN "College" c ON c."id" = r."collegeId"
      LEFT JOIN "SelfCheck" s ON s."recordId" = r."id"
      WHERE r."collegeId" = ${college.id}
      GROUP BY r."id", r."name", c."name"`;
    const plain = await db.$queryRaw<Record<string, unknown>[]>(query);
    const json = await queryJsonRows(["id", "name", "college", "views", "nothing", "length"], query);

    const byId = (rows: Record<string, unknown>[]) =>
      [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    expect(json).toHaveLength(records.length);
    expect(byId(json)).toEqual(
      byId(plain).map((r) => ({ ...r, views: Number(r.views), length: Number(r.length), nothing: null })),
    );
    expect(json[0].college).toBe(college.name);
    expect(college.name).toContain('"');
  });

  it("gives an empty list when nothing matches", async () => {
    const rows = await queryJsonRows(
      ["id"],
      Prisma.sql`SELECT "id" AS "id" FROM "College" WHERE "id" = ${"no such college"}`,
    );
    expect(rows).toEqual([]);
  });
});
