import { randomBytes, randomInt } from "node:crypto";
import sharp from "sharp";
import type { StaffActor, StudentActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { checkDigitFor, maskIdNumber } from "@/lib/identity/id-number";
import { blindIndex, encrypt } from "@/lib/security/crypto";
import { hashPassword } from "@/lib/security/passwords";

/** Unique test data for identity-case tests: every call makes new phones, ID numbers and student numbers. */

export function randomIdNumber(): string {
  const year = 2000 + randomInt(0, 7);
  const month = String(randomInt(1, 13)).padStart(2, "0");
  const day = String(randomInt(1, 29)).padStart(2, "0");
  const first17 = `110101${year}${month}${day}${String(randomInt(0, 1000)).padStart(3, "0")}`;
  return first17 + checkDigitFor(first17);
}

export function randomPhone(): string {
  return `139${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
}

const tag = () => randomBytes(4).toString("hex");

const GIVEN = "伟芳娜敏静丽强磊洋艳勇军杰娟涛明超秀霞平刚桂英华玉兰志国建文海宁";
/** A fresh Chinese name (about 30,000 combinations per surname). */
export function randomName(surname = "张"): string {
  const pick = () => GIVEN[randomInt(0, GIVEN.length)];
  return `${surname}${pick()}${pick()}${pick()}`;
}

let passwordHash: Promise<string> | undefined;
const password = () => (passwordHash ??= hashPassword("Test@2026pass"));

export async function makeClass() {
  const t = tag();
  const college = await db.college.create({ data: { code: `T${t}`, name: `测试学院${t}` } });
  const major = await db.major.create({ data: { collegeId: college.id, name: `测试专业${t}` } });
  const classGroup = await db.classGroup.create({
    data: { collegeId: college.id, majorId: major.id, name: `测试${t}班` },
  });
  return { college, major, classGroup };
}
export type TestClass = Awaited<ReturnType<typeof makeClass>>;

export async function makeRecord(
  cls: TestClass,
  person: { name: string; idNumber: string },
  extra: { accountId?: string | null; enrolledOn?: string } = {},
) {
  return db.enrollmentRecord.create({
    data: {
      studentNumber: `T${Date.now().toString(36)}${tag()}`,
      name: person.name,
      gender: "男",
      birthDate: "2005-01-01",
      ethnicity: "汉族",
      idType: "resident_id",
      idNumberEnc: encrypt(person.idNumber),
      idNumberIndex: blindIndex(person.idNumber),
      idMasked: maskIdNumber(person.idNumber),
      schoolName: "示范大学",
      level: "本科",
      majorId: cls.major.id,
      duration: "4",
      educationCategory: "普通",
      studyMode: "普通全日制",
      collegeId: cls.college.id,
      department: "测试系",
      classGroupId: cls.classGroup.id,
      enrolledOn: extra.enrolledOn ?? "2023-09-01",
      expectedGraduationOn: "2027-06-30",
      status: "在籍(注册学籍)",
      cohort: "2023",
      accountId: extra.accountId ?? null,
    },
  });
}

export async function makeAccount(
  person: { name: string; idNumber: string },
  status: "verified" | "pending",
  extra: { phone?: string; email?: string; createdAt?: Date } = {},
) {
  const index = blindIndex(person.idNumber);
  return db.account.create({
    data: {
      phone: extra.phone ?? randomPhone(),
      email: extra.email ?? null,
      emailVerifiedAt: extra.email ? new Date() : null,
      passwordHash: await password(),
      name: person.name,
      idType: "resident_id",
      idNumberEnc: encrypt(person.idNumber),
      idNumberIndex: index,
      idMasked: maskIdNumber(person.idNumber),
      identityStatus: status,
      verifiedIdIndex: status === "verified" ? index : null,
      sensitiveConsentAt: new Date(),
      ...(extra.createdAt ? { createdAt: extra.createdAt } : {}),
    },
  });
}

export function studentActor(account: { id: string; identityStatus: string }): StudentActor {
  return {
    kind: "student",
    accountId: account.id,
    sessionId: `test-${tag()}`,
    identityStatus: account.identityStatus === "pending" ? "pending" : "verified",
  };
}

export async function makeStaff(roles: string, collegeIds: string[] = []): Promise<StaffActor> {
  const user = await db.staffUser.create({
    data: {
      username: `t_${roles.replace(/,/g, "_")}_${tag()}`,
      displayName: "测试",
      passwordHash: await password(),
      roles,
    },
  });
  return {
    kind: "staff",
    staffUserId: user.id,
    username: user.username,
    displayName: user.displayName,
    sessionId: `test-${tag()}`,
    roles: roles.split(",") as StaffActor["roles"],
    collegeIds,
    mustChangePassword: false,
  };
}

/** A duplicate-ID situation: a verified holder (linked to the record) and a pending re-registration. */
export async function duplicateScenario(options: { name?: string; holderEmail?: string } = {}) {
  const cls = await makeClass();
  const person = { name: options.name ?? randomName(), idNumber: randomIdNumber() };
  const holder = await makeAccount(person, "verified", { email: options.holderEmail });
  const record = await makeRecord(cls, person, { accountId: holder.id });
  const pending = await makeAccount(person, "pending");
  return { cls, person, holder, record, pending };
}

/** A small real JPEG carrying EXIF metadata (what a phone camera writes). */
export async function jpegWithExif(width = 120, height = 90): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 80 } } })
    .jpeg()
    .withExif({ IFD0: { Copyright: "secret-location", Make: "PhoneCam" } })
    .toBuffer();
}

export async function png(width = 80, height = 60): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 90, b: 200, alpha: 1 } } })
    .png()
    .toBuffer();
}

export function pdfBytes(): Buffer {
  return Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "latin1");
}

/** A JPEG header padded to `bytes` (type-valid, size-invalid). */
export function oversizedJpeg(bytes: number): Buffer {
  const buffer = Buffer.alloc(bytes, 0);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]).copy(buffer);
  return buffer;
}
