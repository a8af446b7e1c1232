import { randomInt } from "node:crypto";
import { db } from "@/lib/db";
import { checkDigitFor, maskIdNumber } from "@/lib/identity/id-number";
import { blindIndex, encrypt } from "@/lib/security/crypto";

const unique = () => `${Date.now().toString(36)}${randomInt(0, 1e6).toString(36)}`;

/** A college with one major and class group, and `n` records of a fresh cohort in it. */
export async function makeCollege(label: string, cohort: string, n: number, level = "本科") {
  const tag = unique();
  const college = await db.college.create({ data: { code: `T${tag}`, name: `${label}${tag}` } });
  const major = await db.major.create({ data: { collegeId: college.id, name: `${label}专业` } });
  const classGroup = await db.classGroup.create({
    data: { collegeId: college.id, majorId: major.id, name: `${label}${tag}班` },
  });
  const records = [];
  for (let i = 0; i < n; i++) {
    const first17 = `110105${2005}0${randomInt(1, 10)}1${randomInt(0, 10)}${String(randomInt(0, 1000)).padStart(3, "0")}`;
    const id = first17 + checkDigitFor(first17);
    records.push(
      await db.enrollmentRecord.create({
        data: {
          studentNumber: `P${tag}${String(i).padStart(4, "0")}`,
          name: `学生${i}`,
          gender: "男",
          birthDate: "2005-01-01",
          ethnicity: "汉族",
          idType: "resident_id",
          idNumberEnc: encrypt(id),
          idNumberIndex: blindIndex(id),
          idMasked: maskIdNumber(id),
          schoolName: "示范大学",
          level,
          majorId: major.id,
          duration: "4",
          educationCategory: "普通",
          studyMode: "普通全日制",
          collegeId: college.id,
          department: "",
          classGroupId: classGroup.id,
          enrolledOn: `${cohort}-09-01`,
          expectedGraduationOn: `${Number(cohort) + 4}-06-30`,
          status: "在籍(注册学籍)",
          cohort,
        },
      }),
    );
  }
  return { college, major, classGroup, records };
}

let phone = 15900000000 + randomInt(0, 9_000_000);
export async function makeAccount(opts: { notifyBySms?: boolean; email?: string } = {}) {
  phone += randomInt(1, 50);
  return db.account.create({
    data: {
      phone: String(phone),
      email: opts.email ?? null,
      emailVerifiedAt: opts.email ? new Date() : null,
      passwordHash: "x",
      name: "学生",
      idType: "resident_id",
      idNumberEnc: "x",
      idNumberIndex: `idx-${unique()}`,
      idMasked: "1**2",
      identityStatus: "verified",
      notifyBySms: opts.notifyBySms ?? true,
      sensitiveConsentAt: new Date(),
    },
  });
}

/**
 * A unique cohort label per test file so campaigns cover only this file's records. Test files run at once
 * on one database and each draws several: from 800 labels two files drew the same one now and then (a
 * campaign then counted the other file's students); from 900,000 that is rare enough. Digits only: a test
 * names the next grade as the label plus one.
 */
export function uniqueCohort(): string {
  return String(randomInt(100_000, 999_999));
}
