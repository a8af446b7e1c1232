import { randomInt } from "node:crypto";
import { db } from "@/lib/db";
import { checkDigitFor } from "@/lib/identity/id-number";
import type { RegistrationInput } from "@/lib/accounts/registration";
import type { RequestMeta } from "@/lib/core/request-meta";

/** Fresh data for every test: the database is shared by all integration files of a run. */
export function randomPhone(prefix = "139"): string {
  return prefix + String(randomInt(0, 100_000_000)).padStart(8, "0");
}

export function randomIdNumber(): string {
  const regions = ["110101", "310104", "440106", "510107", "330106", "320102"];
  const year = 1995 + randomInt(0, 12);
  const month = String(1 + randomInt(0, 12)).padStart(2, "0");
  const day = String(1 + randomInt(0, 28)).padStart(2, "0");
  const seq = String(randomInt(0, 1000)).padStart(3, "0");
  const first17 = regions[randomInt(0, regions.length)] + year + month + day + seq;
  return first17 + checkDigitFor(first17);
}

export function randomIp(): string {
  return `10.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

export function meta(ip = randomIp()): RequestMeta {
  return { ip, userAgent: "vitest (Android 14; Chrome/130)" };
}

/** The code inside the latest SMS to a phone, as the student reads it on their phone. */
export async function latestCode(to: string): Promise<string> {
  const message = await db.outboundMessage.findFirst({
    where: { to, code: { not: null } },
    orderBy: { createdAt: "desc" },
  });
  if (!message?.code) throw new Error(`no code sent to ${to}`);
  return message.code;
}

export async function latestMessage(to: string) {
  return db.outboundMessage.findFirst({ where: { to }, orderBy: { createdAt: "desc" } });
}

const NAMES = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄婷", "周杰", "吴敏"];

export function registrationInput(overrides: Partial<RegistrationInput> = {}): RegistrationInput {
  return {
    phone: randomPhone(),
    code: "000000",
    password: "春眠不觉晓处处闻啼鸟",
    confirmPassword: "春眠不觉晓处处闻啼鸟",
    name: NAMES[randomInt(0, NAMES.length)],
    keepTraditionalName: false,
    idType: "resident_id",
    idNumber: randomIdNumber(),
    email: "",
    questions: [
      { questionKey: "", answer: "" },
      { questionKey: "", answer: "" },
      { questionKey: "", answer: "" },
    ],
    sensitiveConsent: true,
    reRegister: false,
    ...overrides,
  };
}

/** A verified account inserted directly (the registration path has its own tests). */
export async function createAccount(
  overrides: {
    phone?: string;
    password?: string;
    email?: string | null;
    name?: string;
    idNumber?: string;
  } = {},
) {
  const { hashPassword } = await import("@/lib/security/passwords");
  const { blindIndex, encrypt } = await import("@/lib/security/crypto");
  const { maskIdNumber } = await import("@/lib/identity/id-number");
  const password = overrides.password ?? "一个足够长的测试密码";
  const idNumber = overrides.idNumber ?? randomIdNumber();
  const index = blindIndex(idNumber);
  const account = await db.account.create({
    data: {
      phone: overrides.phone ?? randomPhone(),
      email: overrides.email ?? null,
      emailVerifiedAt: overrides.email ? new Date() : null,
      passwordHash: await hashPassword(password),
      name: overrides.name ?? NAMES[randomInt(0, NAMES.length)],
      idType: "resident_id",
      idNumberEnc: encrypt(idNumber),
      idNumberIndex: index,
      idMasked: maskIdNumber(idNumber),
      identityStatus: "verified",
      verifiedIdIndex: index,
      sensitiveConsentAt: new Date(),
    },
  });
  return { account, password, idNumber };
}
