import sharp from "sharp";
import { randomBytes, randomInt } from "node:crypto";
import type { StaffActor, StudentActor, StaffRole } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { checkDigitFor, maskIdNumber } from "@/lib/identity/id-number";
import { blindIndex, encrypt } from "@/lib/security/crypto";

/** Unique data for one test: the integration database is shared by every file of the run. */
export const uid = () => randomBytes(5).toString("hex");

const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍红鹏辉宇浩然思远雨桐";
/** A random Chinese name (surname + two given characters). */
export function randomName(): string {
  const pick = () => GIVEN[randomInt(0, GIVEN.length)];
  return `${"王李张刘陈杨赵黄周吴"[randomInt(0, 10)]}${pick()}${pick()}`;
}

/** A valid 18-digit resident ID number; odd 17th digit = male. Random enough not to collide in a run. */
export function idNumberFor(birth?: string, gender: "男" | "女" = "男"): string {
  const date =
    birth ??
    `${randomInt(1995, 2007)}${String(randomInt(1, 13)).padStart(2, "0")}${String(randomInt(1, 29)).padStart(2, "0")}`;
  const seq = String(randomInt(0, 500) * 2 + (gender === "男" ? 1 : 0)).padStart(3, "0");
  const first17 = `${["11", "31", "42", "44", "51"][randomInt(0, 5)]}${String(randomInt(0, 10_000)).padStart(4, "0")}${date}${seq}`;
  return first17 + checkDigitFor(first17);
}

export async function makeOrg() {
  const tag = uid();
  const college = await db.college.create({ data: { code: `T${tag}`, name: `测试学院${tag}` } });
  const otherCollege = await db.college.create({ data: { code: `U${tag}`, name: `另一学院${tag}` } });
  const major = await db.major.create({ data: { collegeId: college.id, name: "计算机科学与技术" } });
  const otherMajor = await db.major.create({ data: { collegeId: college.id, name: "软件工程" } });
  const classGroup = await db.classGroup.create({
    data: { collegeId: college.id, majorId: major.id, name: `计算机${tag}班` },
  });
  const otherClass = await db.classGroup.create({
    data: { collegeId: college.id, majorId: otherMajor.id, name: `软件${tag}班` },
  });
  const farMajor = await db.major.create({ data: { collegeId: otherCollege.id, name: "英语" } });
  const farClass = await db.classGroup.create({
    data: { collegeId: otherCollege.id, majorId: farMajor.id, name: `英语${tag}班` },
  });
  return { college, otherCollege, major, otherMajor, classGroup, otherClass, farMajor, farClass };
}
export type Org = Awaited<ReturnType<typeof makeOrg>>;

export async function makeAccount(opts: { name: string; idNumber: string; status?: string; email?: string }) {
  const index = blindIndex(opts.idNumber);
  const status = opts.status ?? "verified";
  return db.account.create({
    data: {
      phone: `139${String(randomInt(0, 99_999_999)).padStart(8, "0")}`,
      email: opts.email ?? null,
      emailVerifiedAt: opts.email ? new Date() : null,
      passwordHash: "x",
      name: opts.name,
      idType: "resident_id",
      idNumberEnc: encrypt(opts.idNumber),
      idNumberIndex: index,
      idMasked: maskIdNumber(opts.idNumber),
      identityStatus: status,
      verifiedIdIndex: status === "verified" ? index : null,
      sensitiveConsentAt: new Date(),
    },
  });
}

export async function makeRecord(
  org: Org,
  opts: {
    name: string;
    idNumber: string;
    gender?: string;
    birthDate?: string;
    accountId?: string | null;
    cohort?: string;
    level?: string;
    graduationRegistered?: boolean;
    photoKey?: string | null;
    college?: "own" | "other";
  },
) {
  const id = opts.idNumber;
  const other = opts.college === "other";
  return db.enrollmentRecord.create({
    data: {
      studentNumber: `S${uid()}`.toUpperCase(),
      name: opts.name,
      gender: opts.gender ?? (Number(id[16]) % 2 === 1 ? "男" : "女"),
      birthDate: opts.birthDate ?? `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      ethnicity: "汉族",
      idType: "resident_id",
      idNumberEnc: encrypt(id),
      idNumberIndex: blindIndex(id),
      idMasked: maskIdNumber(id),
      schoolName: "示范大学",
      level: opts.level ?? "本科",
      majorId: other ? org.farMajor.id : org.major.id,
      duration: "4",
      educationCategory: "普通",
      studyMode: "普通全日制",
      collegeId: other ? org.otherCollege.id : org.college.id,
      department: "计算机科学系",
      classGroupId: other ? org.farClass.id : org.classGroup.id,
      enrolledOn: "2023-09-01",
      expectedGraduationOn: "2027-06-30",
      status: "在籍(注册学籍)",
      cohort: opts.cohort ?? "2023",
      admissionPhotoKey: opts.photoKey ?? null,
      graduationRegistered: opts.graduationRegistered ?? false,
      accountId: opts.accountId ?? null,
    },
    include: { college: true, major: true, classGroup: true },
  });
}

/** A campaign for a cohort label nobody else uses, so other files' campaigns never interfere. */
export async function makeCampaign(opts: { cohort: string; level?: string; open?: boolean }) {
  const now = Date.now();
  const day = 86_400_000;
  return db.campaign.create({
    data: {
      name: `${opts.cohort}级测试自查`,
      cohort: opts.cohort,
      level: opts.level ?? "普通本科",
      startsAt: new Date(now - (opts.open === false ? 20 : 2) * day),
      endsAt: new Date(now + (opts.open === false ? -10 : 10) * day),
    },
  });
}

export const uniqueCohort = () => `9${String(randomInt(100, 999))}${uid().slice(0, 3)}`;

export function studentActor(accountId: string, status: "verified" | "pending" = "verified"): StudentActor {
  return { kind: "student", accountId, sessionId: `s-${uid()}`, identityStatus: status };
}

export function staffActor(roles: StaffRole[], collegeIds: string[] = []): StaffActor {
  return {
    kind: "staff",
    staffUserId: `staff-${uid()}`,
    username: `t${uid()}`,
    displayName: "测试",
    sessionId: `s-${uid()}`,
    roles,
    collegeIds,
    mustChangePassword: false,
  };
}

/** A verified student with a linked record of `org`'s college and an open campaign for that record. */
export async function makeStudent(
  org: Org,
  opts: Parameters<typeof makeRecord>[1] extends infer O ? Partial<O> : never = {},
) {
  const gender = (opts.gender as "男" | "女" | undefined) ?? "男";
  const idNumber = opts.idNumber ?? idNumberFor(undefined, gender);
  const name = opts.name ?? randomName();
  const account = await makeAccount({ name, idNumber });
  const record = await makeRecord(org, { ...opts, name, idNumber, accountId: account.id });
  return { account, record, idNumber, actor: studentActor(account.id) };
}

/** A small PNG picture, the evidence a student sends with a correction. */
export function evidencePng(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 3, background: "#3366cc" } })
    .png()
    .toBuffer();
}

/** Bytes as a form's file field sends them. */
export const uploadFile = (bytes: Buffer, name: string) => new File([new Uint8Array(bytes)], name);
