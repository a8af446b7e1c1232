import { describe, expect, it } from "vitest";
import { db, readRaw } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { makeCollege, uniqueCohort } from "../progress/support";

/**
 * Reads through the driver adapter (lib/db/raw-reads.ts) give what `$queryRaw` gives for the same
 * statement: every column's value and type, on both databases.
 */
describe("readRaw", () => {
  it("gives the rows and types $queryRaw gives: whole records, dates, numbers, NULL and counts", async () => {
    const { college, records } = await makeCollege("原样读取", uniqueCohort(), 3);
    const query = Prisma.sql`SELECT * FROM "EnrollmentRecord" WHERE "collegeId" = ${college.id} ORDER BY "studentNumber"`;
    const direct = await readRaw<Record<string, unknown>[]>(query);
    expect(direct).toEqual(await db.$queryRaw(query));
    expect(direct.map((r) => r.id)).toEqual(records.map((r) => r.id));
    expect(direct[0].createdAt).toBeInstanceOf(Date);
    expect(direct[0].createdAt).toEqual(records[0].createdAt);

    const counted = Prisma.sql`SELECT COUNT(*) AS "n", MAX("createdAt") AS "latest", NULL AS "nothing",
      SUM(CASE WHEN "collegeId" = ${college.id} THEN 1 ELSE 0 END) AS "here"
      FROM "EnrollmentRecord" WHERE "collegeId" = ${college.id}`;
    const [row] = await readRaw<Record<string, unknown>[]>(counted);
    expect(row).toEqual((await db.$queryRaw<Record<string, unknown>[]>(counted))[0]);
    expect(Number(row.n)).toBe(3);
    expect(row.nothing).toBeNull();
  });

  it("takes a tagged template with dates, booleans, numbers and NULL as parameters", async () => {
    const { college } = await makeCollege("参数", uniqueCohort(), 2);
    const later = new Date(Date.now() + 60_000);
    const rows = await readRaw<{ id: string }[]>`
      SELECT "id" FROM "EnrollmentRecord"
      WHERE "collegeId" = ${college.id} AND "createdAt" <= ${later} AND "graduationRegistered" = ${false}
        AND LENGTH("name") >= ${1} AND CAST(${null} AS TEXT) IS NULL`;
    expect(rows).toHaveLength(2);
    const none = await readRaw<{ id: string }[]>`
      SELECT "id" FROM "EnrollmentRecord" WHERE "collegeId" = ${college.id} AND "createdAt" > ${later}`;
    expect(none).toEqual([]);
  });

  it("reads the booleans and dates of a staff user as $queryRaw does", async () => {
    const username = `raw${Date.now().toString(36)}`;
    const staff = await db.staffUser.create({
      data: { username, displayName: "读取", passwordHash: "x", roles: "college", mustChangePassword: true },
    });
    const query = Prisma.sql`SELECT "mustChangePassword", "isDemo", "disabledAt", "createdAt", "sessionVersion"
      FROM "StaffUser" WHERE "id" = ${staff.id}`;
    const [direct] = await readRaw<Record<string, unknown>[]>(query);
    expect(direct).toEqual((await db.$queryRaw<Record<string, unknown>[]>(query))[0]);
    expect(Boolean(Number(direct.mustChangePassword))).toBe(true);
    expect(direct.disabledAt).toBeNull();
    expect(direct.createdAt).toEqual(staff.createdAt);
  });

  it("sees a write the moment the client has committed it", async () => {
    const { college, records } = await makeCollege("即时", uniqueCohort(), 1);
    await db.enrollmentRecord.update({ where: { id: records[0].id }, data: { name: "改后的姓名" } });
    const [row] = await readRaw<{ name: string }[]>`
      SELECT "name" FROM "EnrollmentRecord" WHERE "collegeId" = ${college.id}`;
    expect(row.name).toBe("改后的姓名");
  });

  it("answers concurrent reads in parallel with the client's writes", async () => {
    const { college, records } = await makeCollege("并发", uniqueCohort(), 4);
    const reads = Array.from(
      { length: 40 },
      () =>
        readRaw<
          { n: unknown }[]
        >`SELECT COUNT(*) AS "n" FROM "EnrollmentRecord" WHERE "collegeId" = ${college.id}`,
    );
    const writes = records.map((r, i) =>
      db.enrollmentRecord.update({ where: { id: r.id }, data: { name: `并发${i}` } }),
    );
    const counts = await Promise.all(reads);
    await Promise.all(writes);
    expect(counts.every(([row]) => Number(row.n) === 4)).toBe(true);
  });

  it("passes the database's error on for a bad statement", async () => {
    await expect(readRaw`SELECT "nope" FROM "EnrollmentRecord"`).rejects.toThrow();
  });
});
