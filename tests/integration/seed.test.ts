/**
 * Demo-university generator (prisma/seed): determinism and realism of the pure generator, then a real
 * load into a fresh database of the run's provider.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, type Db } from "../../lib/db/client";
import { factsFromIdNumber, parseIdNumber } from "../../lib/identity/id-number";
import { parseName } from "../../lib/identity/name";
import { blindIndex, decrypt } from "../../lib/security/crypto";
import { verifyPassword } from "../../lib/security/passwords";
import { CATALOG } from "../../prisma/seed/catalog";
import { ETHNICITIES } from "../../prisma/seed/data/ethnicities";
import { COMPOUND_SURNAMES } from "../../prisma/seed/data/surnames";
import {
  DEFAULT_DEMO_STAFF_PASSWORD,
  DEMO_STUDENT_PASSWORD,
  DEMO_STUDENTS,
} from "../../prisma/seed/demo-students";
import { generateUniversity, type StudentRecord } from "../../prisma/seed/generate";
import { addDemoActivity } from "../../prisma/seed/activity";
import { loadDemoUniversity } from "../../prisma/seed/load";
import { hasData, modelsMissingFromDeleteOrder, resetDatabase } from "../../prisma/seed/reset";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const N = 3000;
const { plan, records } = generateUniversity({ seed: 42, students: N });

/** CJK Unified Ideographs Extension A (U+3400–4DBF) and B onwards (U+20000–3FFFF). */
const CJK_EXTENSION = /[\u3400-\u4DBF\u{20000}-\u{3FFFF}]/u;

const share = (predicate: (r: StudentRecord) => boolean) => records.filter(predicate).length / records.length;

describe("generateUniversity (pure)", () => {
  it("is deterministic: same seed, same people; another seed, other people", () => {
    const again = generateUniversity({ seed: 42, students: N }).records;
    expect(again.map((r) => [r.name, r.idNumber, r.studentNumber, r.className])).toEqual(
      records.map((r) => [r.name, r.idNumber, r.studentNumber, r.className]),
    );
    const other = generateUniversity({ seed: 43, students: N }).records;
    expect(other.slice(DEMO_STUDENTS.length).map((r) => r.idNumber)).not.toEqual(
      records.slice(DEMO_STUDENTS.length).map((r) => r.idNumber),
    );
  });

  it("produces exactly N records with unique 学号 and unique, valid ID numbers", () => {
    expect(records).toHaveLength(N);
    expect(new Set(records.map((r) => r.studentNumber)).size).toBe(N);
    expect(new Set(records.map((r) => r.idNumber)).size).toBe(N);
    const invalid = records.filter((r) => {
      const parsed = parseIdNumber("resident_id", r.idNumber);
      return !parsed.ok || parsed.value !== r.idNumber || r.idType !== "resident_id";
    });
    expect(invalid).toEqual([]);
  });

  it("keeps 性别 and 出生日期 consistent with the ID number", () => {
    const inconsistent = records.filter((r) => {
      const facts = factsFromIdNumber(r.idNumber);
      return facts?.birthDate !== r.birthDate || facts.gender !== r.gender;
    });
    expect(inconsistent).toEqual([]);
    expect(share((r) => r.gender === "男")).toBeGreaterThan(0.35);
    expect(share((r) => r.gender === "女")).toBeGreaterThan(0.35);
  });

  it("fills every field of SPEC §4.2 consistently", () => {
    const problems = records.flatMap((r) => {
      const found: string[] = [];
      for (const [field, value] of Object.entries(r))
        if (field !== "demoPhone" && value === "") found.push(`empty ${field}`);
      if (r.schoolName !== "示范大学") found.push("schoolName");
      if (r.educationCategory !== "普通") found.push("educationCategory");
      if (r.studyMode !== "普通全日制") found.push("studyMode");
      if (r.status !== (r.graduationRegistered ? "不在籍(毕业)" : "在籍(注册学籍)")) found.push("status");
      if (r.enrolledOn !== `${r.cohort}-09-01`) found.push("enrolledOn");
      if (r.expectedGraduationOn !== `${Number(r.cohort) + Number(r.duration)}-06-30`)
        found.push("expectedGraduationOn");
      if (!new RegExp(`^${r.cohort}\\d{8}$`).test(r.studentNumber)) found.push("studentNumber");
      if (!/^\S+\d{4}班$/.test(r.className)) found.push("className");
      if (!/^admission\/[\w-]+\.jpg$/.test(r.admissionPhotoKey)) found.push("admissionPhotoKey");
      return found.map((problem) => `${r.studentNumber}: ${problem}`);
    });
    expect(problems).toEqual([]);
  });

  it("has real-world names: all accepted by the name rule, with 复姓, · names and CJK-extension characters", () => {
    const rejected = records.filter((r) => {
      const parsed = parseName(r.name);
      return !parsed.ok || parsed.value !== r.name;
    });
    expect(rejected.map((r) => r.name)).toEqual([]);
    const lengths = records.filter((r) => !r.name.includes("·")).map((r) => Array.from(r.name).length);
    expect(Math.min(...lengths)).toBe(2);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(4);
    const generated = records.slice(DEMO_STUDENTS.length);
    expect(generated.filter((r) => COMPOUND_SURNAMES.has(r.name.slice(0, 2))).length).toBeGreaterThan(3);
    expect(generated.filter((r) => r.name.includes("·")).length).toBeGreaterThan(3);
    expect(records.some((r) => CJK_EXTENSION.test(r.name))).toBe(true);
    expect(records.some((r) => /[\u{20000}-\u{3FFFF}]/u.test(r.name))).toBe(true);
  });

  it("uses the 56 ethnic groups, mostly 汉族", () => {
    expect(new Set(ETHNICITIES.map(([name]) => name)).size).toBe(56);
    const known = new Set(ETHNICITIES.map(([name]) => name));
    expect(records.filter((r) => !known.has(r.ethnicity))).toEqual([]);
    expect(share((r) => r.ethnicity === "汉族")).toBeGreaterThan(0.85);
    expect(new Set(records.map((r) => r.ethnicity)).size).toBeGreaterThan(10);
  });

  it("has mostly 本科, some 专科 and a few 专升本, in two current cohorts and a few graduates", () => {
    const bachelor = share((r) => r.level === "本科");
    const associate = share((r) => r.level === "专科");
    const topUp = share((r) => r.level === "专升本");
    expect(bachelor + associate + topUp).toBe(1);
    expect(bachelor).toBeGreaterThan(0.75);
    expect(associate).toBeGreaterThan(0.05);
    expect(associate).toBeLessThan(0.2);
    expect(topUp).toBeGreaterThan(0.02);
    expect(topUp).toBeLessThan(0.1);
    const fiveYear = new Set(["建筑学", "临床医学"]);
    const expectedDuration = (r: StudentRecord) =>
      ({ 本科: fiveYear.has(r.majorName) ? "5" : "4", 专科: "3", 专升本: "2" })[r.level];
    expect(records.filter((r) => r.duration !== expectedDuration(r))).toEqual([]);
    expect(share((r) => r.cohort === "2023")).toBeGreaterThan(0.6);
    expect(share((r) => r.cohort === "2022")).toBeGreaterThan(0.15);
    expect(share((r) => r.cohort === "2019")).toBeLessThan(0.05);
  });

  it("locks only graduates: no 2023 freshman or 2022 student is graduation-registered", () => {
    const locked = records.filter((r) => r.graduationRegistered);
    expect(locked.length).toBeGreaterThan(0);
    expect(records.filter((r) => r.graduationRegistered && r.cohort !== "2019")).toEqual([]);
    // every locked record has ended its program and says so in 学籍状态; every current one is 在籍
    expect(locked.filter((r) => r.expectedGraduationOn > "2023-07-01")).toEqual([]);
    expect(new Set(locked.map((r) => r.status))).toEqual(new Set(["不在籍(毕业)"]));
    expect(new Set(records.filter((r) => !r.graduationRegistered).map((r) => r.status))).toEqual(
      new Set(["在籍(注册学籍)"]),
    );
    // a graduate was at least 17 when enrolled, like everyone else
    expect(records.filter((r) => Number(r.birthDate.slice(0, 4)) > Number(r.cohort) - 17)).toEqual([]);
  });

  it("has ~12 colleges with 2–5 majors each and classes of at most 45", () => {
    expect(CATALOG).toHaveLength(12);
    for (const college of CATALOG) {
      expect(college.majors.length).toBeGreaterThanOrEqual(2);
      expect(college.majors.length).toBeLessThanOrEqual(5);
    }
    const classSizes = plan.groups.flatMap((g) => g.classes.map((c) => c.size));
    expect(Math.max(...classSizes)).toBeLessThanOrEqual(45);
    const classNames = plan.groups.flatMap((g) => g.classes.map((c) => c.name));
    expect(new Set(classNames).size).toBe(classNames.length);
  });

  it("puts the 2023 demo students in 计算机2301班 and the locked graduate in 计算机1901班", () => {
    for (const demo of DEMO_STUDENTS) {
      const r = records.find((rec) => rec.demoPhone === demo.phone);
      expect(r).toMatchObject({
        name: demo.name,
        idNumber: demo.idNumber,
        studentNumber: demo.studentNumber,
        cohort: demo.cohort,
        graduationRegistered: demo.graduationRegistered,
        level: "本科",
        collegeCode: "C01",
        className: demo.graduationRegistered ? "计算机1901班" : "计算机2301班",
      });
      expect(parseIdNumber("resident_id", demo.idNumber).ok).toBe(true);
    }
    expect(DEMO_STUDENTS.filter((d) => d.graduationRegistered).map((d) => d.cohort)).toEqual(["2019"]);
    expect(records.filter((r) => r.demoPhone)).toHaveLength(DEMO_STUDENTS.length);
  });
});

// ───────────────────────── loading into a real database ─────────────────────────

// A database of its own (SQLite, or PostgreSQL with TEST_DB=postgres): the load and the reset below would
// disturb the run's shared database.
describe("loadDemoUniversity", () => {
  let database: TestDatabase;
  let db: Db;
  const students = 400;

  beforeAll(async () => {
    database = await createTestDatabase("seed");
    db = createClient(database.url);
    await loadDemoUniversity(db, {
      url: database.url,
      seed: 7,
      students,
      schoolName: "示范大学",
      staffPassword: DEFAULT_DEMO_STAFF_PASSWORD,
      chunkSize: 150,
    });
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it("writes organisation, records, staff, campaigns and settings", async () => {
    expect(await hasData(db)).toBe(true);
    expect(await db.college.count()).toBe(12);
    expect(await db.enrollmentRecord.count()).toBe(students);
    const usernames = (await db.staffUser.findMany({ select: { username: true } })).map((s) => s.username);
    expect(usernames).toEqual(
      expect.arrayContaining(["admin", "registrar", "support", "college01", "college12"]),
    );
    const college01 = await db.staffUser.findUniqueOrThrow({
      where: { username: "college01" },
      include: { collegeScopes: { include: { college: true } } },
    });
    expect(college01).toMatchObject({ roles: "college", isDemo: true, mustChangePassword: true });
    expect(college01.collegeScopes.map((s) => s.college.code)).toEqual(["C01"]);
    expect(await verifyPassword(college01.passwordHash, DEFAULT_DEMO_STAFF_PASSWORD)).toBe(true);
    const now = new Date();
    const open = await db.campaign.findMany({ where: { startsAt: { lte: now }, endsAt: { gte: now } } });
    expect(open.map((c) => [c.name, c.cohort, c.level])).toEqual([
      ["2023级普通本科学籍自查", "2023", "本科"],
    ]);
    const contact = await db.setting.findUniqueOrThrow({ where: { key: "registrar.contact" } });
    expect(JSON.parse(contact.value)).toMatchObject({ phone: "027-8888 6666" });
    // rows written by the raw driver read back through Prisma with the right types
    const recent = await db.enrollmentRecord.count({
      where: { createdAt: { lte: now }, graduationRegistered: false },
    });
    expect(recent).toBeGreaterThan(students * 0.9);
  });

  it("stores ID numbers encrypted, with blind index and mask, and links the demo accounts", async () => {
    for (const demo of DEMO_STUDENTS) {
      const record = await db.enrollmentRecord.findUniqueOrThrow({
        where: { studentNumber: demo.studentNumber },
        include: { account: true, classGroup: true },
      });
      expect(record.idNumberEnc).not.toContain(demo.idNumber);
      expect(decrypt(record.idNumberEnc)).toBe(demo.idNumber);
      expect(record.idNumberIndex).toBe(blindIndex(demo.idNumber));
      expect(record.idMasked).toBe(`${demo.idNumber[0]}${"*".repeat(16)}${demo.idNumber[17]}`);
      expect(record.name).toBe(demo.name);
      expect(record.graduationRegistered).toBe(demo.graduationRegistered);
      expect(record.classGroup.name).toBe(demo.graduationRegistered ? "计算机1901班" : "计算机2301班");
      expect(record.createdAt).toBeInstanceOf(Date);
      expect(record.account).toMatchObject({
        phone: demo.phone,
        name: demo.name,
        identityStatus: "verified",
        verifiedIdIndex: record.idNumberIndex,
      });
      expect(record.account?.emailVerifiedAt != null).toBe(Boolean(demo.email));
    }
    const first = await db.account.findUniqueOrThrow({ where: { phone: DEMO_STUDENTS[0].phone } });
    expect(await verifyPassword(first.passwordHash, DEMO_STUDENT_PASSWORD)).toBe(true);
    const byIndex = await db.enrollmentRecord.findMany({
      where: { idNumberIndex: blindIndex(DEMO_STUDENTS[2].idNumber) },
    });
    expect(byIndex.map((r) => r.name)).toEqual(["阿依古丽·买买提"]);
  });

  it("--activity: the open campaign's mid-week state, each check by its own account, demo students untouched", async () => {
    const before = await db.account.findUniqueOrThrow({ where: { phone: DEMO_STUDENTS[0].phone } });
    const a = await addDemoActivity(db);
    const campaign = await db.campaign.findFirstOrThrow({
      where: { startsAt: { lte: new Date() }, endsAt: { gt: new Date() } },
    });
    const covered = await db.enrollmentRecord.count({ where: { cohort: campaign.cohort } });
    expect(a.registered).toBeGreaterThan(covered * 0.3);
    expect(a.viewed).toBeLessThan(a.registered);
    expect(a.confirmed).toBeGreaterThan(0);
    expect(a.confirmed).toBeLessThan(a.viewed);
    const checks = await db.selfCheck.findMany({ include: { record: true, account: true } });
    expect(checks).toHaveLength(a.viewed);
    for (const c of checks) {
      expect(c.record.accountId).toBe(c.accountId);
      expect(c.firstViewedAt.getTime()).toBeLessThanOrEqual(Date.now());
      // registered (and consented) inside the window, before looking at the record
      expect(c.account.createdAt.getTime()).toBeLessThan(c.firstViewedAt.getTime());
      expect(c.account.createdAt.getTime()).toBeGreaterThanOrEqual(campaign.startsAt.getTime());
      expect(c.account.sensitiveConsentAt.getTime()).toBe(c.account.createdAt.getTime());
    }
    // the demo students keep their own accounts and have not checked yet (the e2e suite starts there too)
    const after = await db.account.findUniqueOrThrow({ where: { phone: DEMO_STUDENTS[0].phone } });
    expect(after.id).toBe(before.id);
    expect(await db.selfCheck.count({ where: { accountId: before.id } })).toBe(0);
    // nobody knows these accounts' password
    const made = await db.account.findFirstOrThrow({ where: { phone: { startsWith: "150" } } });
    expect(await verifyPassword(made.passwordHash, DEMO_STUDENT_PASSWORD)).toBe(false);
  });

  it("reset removes every row of every model", async () => {
    expect(modelsMissingFromDeleteOrder()).toEqual([]);
    await resetDatabase(db, database.url);
    expect(await hasData(db)).toBe(false);
    expect(await db.setting.count()).toBe(0);
    expect(await db.campaign.count()).toBe(0);
  });
});
