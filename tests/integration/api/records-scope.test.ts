import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/admin/api-tokens";
import type { StaffActor } from "@/lib/auth/actor";
import { PUT as putRecords } from "@/app/api/v1/records/route";
import { makeStaff, uid } from "../admin/fixtures";
import { apiRecord } from "../../support/api-record";
import { call, idNumberFor } from "./client";

/**
 * A registrar token limited to one college (issue 10 item 7): the scope holds for the college a record is
 * in now and for the college the item names; anything outside refuses the whole call and writes nothing.
 */
const tag = uid(3);
const seed = Number.parseInt(tag, 16);
const ownCollege = `本院${tag}`;
const otherCollege = `他院${tag}`;
const idOwn = idNumberFor("2005-01-02", true, seed);
const idOther = idNumberFor("2005-04-05", false, seed + 7);
const snOwn = `S${tag}01`;
const snOther = `S${tag}02`;
const own = apiRecord({
  studentNumber: snOwn,
  name: "本院生",
  gender: "男",
  birthDate: "2005-01-02",
  idNumber: idOwn,
  college: ownCollege,
  classGroup: `本院${tag}班`,
});
const other = apiRecord({
  studentNumber: snOther,
  name: "他院生",
  gender: "女",
  birthDate: "2005-04-05",
  idNumber: idOther,
  college: otherCollege,
  classGroup: `他院${tag}班`,
});

let admin: StaffActor;
let scopedToken: string;

async function put(token: string, records: unknown[], headers: Record<string, string> = {}) {
  return call(putRecords, "/api/v1/records", { method: "PUT", token, body: { records }, headers });
}

async function snapshot(studentNumber: string) {
  const r = await db.enrollmentRecord.findUniqueOrThrow({
    where: { studentNumber },
    include: { college: true, classGroup: true },
  });
  return { college: r.college.name, classGroup: r.classGroup.name, name: r.name, version: r.version };
}

beforeAll(async () => {
  admin = (await makeStaff("admin")).actor;
  const full = await createApiToken(admin, { name: `全校${tag}`, role: "registrar" });
  if (!full.ok) throw new Error("token");
  const seeded = await put(full.value.token, [own, other]);
  expect(seeded.status).toBe(200);
  expect(seeded.body.summary).toMatchObject({ created: 2 });
  const college = await db.college.findUniqueOrThrow({ where: { name: ownCollege } });
  const scoped = await createApiToken(admin, {
    name: `本院注册${tag}`,
    role: "registrar",
    collegeIds: [college.id],
  });
  if (!scoped.ok) throw new Error("token");
  scopedToken = scoped.value.token;
});

describe("PUT /api/v1/records with a college-scoped registrar token", () => {
  it("refuses to move another college's student into its own college (403, record untouched)", async () => {
    const before = await snapshot(snOther);
    const jobs = await db.importJob.count();
    const res = await put(scopedToken, [
      { ...other, name: "改名", college: ownCollege, classGroup: `本院${tag}班` },
    ]);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      code: "api.records.collegeOutOfScope",
      fieldErrors: { "records.0.studentNumber": expect.stringContaining("nothing was written") },
    });
    expect(await snapshot(snOther)).toEqual(before);
    expect(await db.importJob.count()).toBe(jobs);
  });

  it("refuses a record naming another college, and one bad item stops the whole call", async () => {
    const before = [await snapshot(snOwn), await snapshot(snOther)];
    const res = await put(
      scopedToken,
      [
        { ...own, status: "休学" },
        { ...own, studentNumber: `S${tag}03`, idNumber: idNumberFor("2005-01-02", true, seed + 3) },
        { ...other, status: "休学" },
      ],
      { "accept-language": "zh-CN" },
    );
    expect(res.status).toBe(403);
    expect(Object.keys(res.body.fieldErrors as object).sort()).toEqual([
      "records.2.college",
      "records.2.studentNumber",
    ]);
    expect(res.body.error).toContain("未写入任何数据");
    expect([await snapshot(snOwn), await snapshot(snOther)]).toEqual(before);
    expect(await db.enrollmentRecord.findUnique({ where: { studentNumber: `S${tag}03` } })).toBeNull();
  });

  it("still updates its own college's students", async () => {
    const res = await put(scopedToken, [{ ...own, status: "休学" }]);
    expect(res.status).toBe(200);
    expect(res.body.summary).toMatchObject({ updated: 1 });
    expect((await snapshot(snOwn)).version).toBe(2);
  });
});
