import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { registerStudent, type RegistrationInput } from "@/lib/accounts/registration";
import { sendSmsCode } from "@/lib/accounts/codes";
import { signInStudent } from "@/lib/accounts/sign-in";
import { resolveSession } from "@/lib/auth/sessions";
import { blindIndex, decrypt } from "@/lib/security/crypto";
import { verifyPassword } from "@/lib/security/passwords";
import { latestCode, meta, randomIdNumber, randomPhone, registrationInput } from "./support";

async function withCode(input: RegistrationInput): Promise<RegistrationInput> {
  const sent = await sendSmsCode({ purpose: "register", phone: input.phone }, meta());
  expect(sent.ok).toBe(true);
  return { ...input, code: await latestCode(input.phone) };
}

async function accountsWithPhone(phone: string) {
  return db.account.count({ where: { phone } });
}

afterEach(() => {
  vi.useRealTimers();
});

describe("registerStudent — happy path", () => {
  it("creates a verified account, stores the ID number encrypted, signs in and uses the code up", async () => {
    const input = await withCode(
      registrationInput({
        email: `Student.${Date.now()}@Example.edu.cn`,
        questions: [
          { questionKey: "mother_name", answer: "王 秀英" },
          { questionKey: "birthplace", answer: "北京" },
          { questionKey: "", answer: "" },
        ],
      }),
    );
    const result = await registerStudent(input, meta(), { baseUrl: "http://localhost:3000" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.identityStatus).toBe("verified");
    expect(result.value.emailVerificationSent).toBe(true);

    const account = await db.account.findUniqueOrThrow({ where: { id: result.value.accountId } });
    expect(account.phone).toBe(input.phone);
    expect(account.identityStatus).toBe("verified");
    expect(account.verifiedIdIndex).toBe(blindIndex(input.idNumber));
    expect(account.idNumberEnc).not.toContain(input.idNumber.slice(6, 14));
    expect(decrypt(account.idNumberEnc)).toBe(input.idNumber);
    expect(account.idMasked).toMatch(/^\d\*{16}[\dX]$/);
    expect(account.email).toBeNull(); // not verified yet
    expect(account.pendingEmail).toBe(input.email.toLowerCase());
    expect(account.sensitiveConsentAt).toBeInstanceOf(Date);
    expect(account.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(account.passwordHash, input.password)).toBe(true);

    const questions = await db.securityQuestion.findMany({
      where: { accountId: account.id },
      orderBy: { position: "asc" },
    });
    expect(questions.map((q) => q.questionKey)).toEqual(["mother_name", "birthplace"]);
    expect(await verifyPassword(questions[0].answerHash, "王秀英")).toBe(true);

    const code = await db.verificationCode.findFirstOrThrow({
      where: { target: input.phone, purpose: "register" },
      orderBy: { createdAt: "desc" },
    });
    expect(code.consumedAt).not.toBeNull();
    expect(code.codeHash).not.toContain(input.code);

    const actor = await resolveSession(result.value.sessionId);
    expect(actor).toMatchObject({ kind: "student", accountId: account.id, identityStatus: "verified" });

    // Sign in with the phone and with the ID number (lower-case x, spaces).
    const byPhone = await signInStudent({ username: input.phone, password: input.password }, meta());
    expect(byPhone.ok).toBe(true);
    const byId = await signInStudent(
      { username: ` ${input.idNumber.toLowerCase()} `, password: input.password },
      meta(),
    );
    expect(byId.ok).toBe(true);
  });

  it("links the enrollment record with the same ID number and name", async () => {
    const idNumber = randomIdNumber();
    const suffix = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    const college = await db.college.create({ data: { code: `C${suffix}`, name: `测试学院${suffix}` } });
    const major = await db.major.create({ data: { collegeId: college.id, name: "测试专业" } });
    const classGroup = await db.classGroup.create({
      data: { collegeId: college.id, majorId: major.id, name: `测试班${suffix}` },
    });
    const record = await db.enrollmentRecord.create({
      data: {
        studentNumber: `S${suffix}`,
        name: "欧阳 明",
        gender: "男",
        birthDate: "2005-01-01",
        ethnicity: "汉族",
        idType: "resident_id",
        idNumberEnc: "x",
        idNumberIndex: blindIndex(idNumber),
        idMasked: "1****************1",
        schoolName: "示范大学",
        level: "本科",
        majorId: major.id,
        duration: "4",
        educationCategory: "普通高等教育",
        studyMode: "普通全日制",
        collegeId: college.id,
        department: "测试系",
        classGroupId: classGroup.id,
        enrolledOn: "2023-09-01",
        expectedGraduationOn: "2027-06-30",
        status: "在籍",
        cohort: "2023",
      },
    });
    const input = await withCode(registrationInput({ name: "欧阳明", idNumber }));
    const result = await registerStudent(input, meta());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const linked = await db.enrollmentRecord.findUniqueOrThrow({ where: { id: record.id } });
    expect(linked.accountId).toBe(result.value.accountId);
  });
});

/** A roster record (as the import stores it) for an ID number and name, in a college of its own. */
async function rosterRecord(idNumber: string, name: string) {
  const suffix = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  const college = await db.college.create({ data: { code: `C${suffix}`, name: `测试学院${suffix}` } });
  const major = await db.major.create({ data: { collegeId: college.id, name: "测试专业" } });
  const classGroup = await db.classGroup.create({
    data: { collegeId: college.id, majorId: major.id, name: `测试班${suffix}` },
  });
  return db.enrollmentRecord.create({
    data: {
      studentNumber: `S${suffix}`,
      name,
      gender: "男",
      birthDate: "2005-01-01",
      ethnicity: "维吾尔族",
      idType: "resident_id",
      idNumberEnc: "x",
      idNumberIndex: blindIndex(idNumber),
      idMasked: "1****************1",
      schoolName: "示范大学",
      level: "本科",
      majorId: major.id,
      duration: "4",
      educationCategory: "普通高等教育",
      studyMode: "普通全日制",
      collegeId: college.id,
      department: "测试系",
      classGroupId: classGroup.id,
      enrolledOn: "2023-09-01",
      expectedGraduationOn: "2027-06-30",
      status: "在籍",
      cohort: "2023",
    },
  });
}

describe("registerStudent — minority names typed with the separators people use", () => {
  it.each([
    ["a space", "依明 阿布都热依木"],
    ["an ideographic space", "依明\u3000阿布都热依木"],
    ["a period", "依明.阿布都热依木"],
    ["a full-width period", "依明．阿布都热依木"],
    ["a bullet", "依明•阿布都热依木"],
    ["a katakana middle dot", "依明・阿布都热依木"],
  ])("%s between the parts stores U+00B7 and finds the roster's 依明·阿布都热依木", async (_label, typed) => {
    const idNumber = randomIdNumber();
    const record = await rosterRecord(idNumber, "依明·阿布都热依木");
    const result = await registerStudent(
      await withCode(registrationInput({ name: typed, idNumber })),
      meta(),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const account = await db.account.findUniqueOrThrow({ where: { id: result.value.accountId } });
    expect(account.name).toBe("依明\u00B7阿布都热依木");
    expect((await db.enrollmentRecord.findUniqueOrThrow({ where: { id: record.id } })).accountId).toBe(
      account.id,
    );
  });

  it("refuses a period at the end or doubled, at the name field, creating nothing", async () => {
    for (const typed of ["依明阿布都热依木.", "依明..阿布都热依木"]) {
      const input = await withCode(registrationInput({ name: typed }));
      const result = await registerStudent(input, meta());
      expect(!result.ok && result.fieldErrors?.name?.key).toBe("register.name.format");
      expect(await accountsWithPhone(input.phone)).toBe(0);
    }
  });
});

describe("registerStudent — every bad input is refused at its field and creates nothing", () => {
  const cases: [string, (i: RegistrationInput) => Partial<RegistrationInput>, string, string][] = [
    ["phone not mainland", () => ({ phone: "12812345678" }), "phone", "register.phone.invalid"],
    ["phone too short", () => ({ phone: "1391234567" }), "phone", "register.phone.invalid"],
    ["code not 6 digits", () => ({ code: "12345" }), "code", "register.code.format"],
    ["code empty", () => ({ code: "" }), "code", "register.code.required"],
    [
      "password too short",
      () => ({ password: "abc1234", confirmPassword: "abc1234" }),
      "password",
      "passwords.tooShort",
    ],
    [
      "password too long",
      () => ({ password: "长".repeat(257), confirmPassword: "长".repeat(257) }),
      "password",
      "passwords.tooLong",
    ],
    [
      "common password",
      () => ({ password: "woaini1314", confirmPassword: "woaini1314" }),
      "password",
      "passwords.common",
    ],
    [
      "birthday password",
      () => ({ password: "19990101", confirmPassword: "19990101" }),
      "password",
      "passwords.common",
    ],
    [
      "password contains phone",
      (i) => ({ password: `pw${i.phone}!`, confirmPassword: `pw${i.phone}!` }),
      "password",
      "passwords.containsPhone",
    ],
    [
      "password contains ID",
      (i) => ({ password: `x${i.idNumber}`, confirmPassword: `x${i.idNumber}` }),
      "password",
      "passwords.containsIdNumber",
    ],
    [
      "password contains name",
      (i) => ({ password: `我是${i.name}很开心呢`, confirmPassword: `我是${i.name}很开心呢` }),
      "password",
      "passwords.containsName",
    ],
    [
      "passwords differ",
      () => ({ confirmPassword: "另外一个很长的密码" }),
      "confirmPassword",
      "passwords.mismatch",
    ],
    ["name empty", () => ({ name: "   " }), "name", "register.name.empty"],
    ["name one character", () => ({ name: "王" }), "name", "register.name.format"],
    ["name traditional", () => ({ name: "張偉" }), "name", "register.name.traditional"],
    ["name with digits", () => ({ name: "张3" }), "name", "register.name.format"],
    ["unknown ID type", () => ({ idType: "driver_licence" }), "idType", "register.idType.invalid"],
    [
      "ID wrong check digit",
      (i) => ({ idNumber: i.idNumber.slice(0, 17) + (i.idNumber[17] === "1" ? "2" : "1") }),
      "idNumber",
      "register.idNumber.invalid",
    ],
    [
      "ID impossible date",
      () => ({ idNumber: "11010120050230123X" }),
      "idNumber",
      "register.idNumber.invalid",
    ],
    ["ID empty", () => ({ idNumber: "" }), "idNumber", "register.idNumber.empty"],
    ["email invalid", () => ({ email: "not-an-email" }), "email", "register.email.invalid"],
    [
      "question without answer",
      () => ({
        questions: [
          { questionKey: "birthplace", answer: "" },
          { questionKey: "", answer: "" },
          { questionKey: "", answer: "" },
        ],
      }),
      "answer1",
      "register.securityQuestion.answerLength",
    ],
    [
      "answer without question",
      () => ({
        questions: [
          { questionKey: "", answer: "北京" },
          { questionKey: "", answer: "" },
          { questionKey: "", answer: "" },
        ],
      }),
      "question1",
      "register.securityQuestion.chooseQuestion",
    ],
    [
      "question twice",
      () => ({
        questions: [
          { questionKey: "birthplace", answer: "北京" },
          { questionKey: "birthplace", answer: "上海" },
          { questionKey: "", answer: "" },
        ],
      }),
      "question2",
      "register.securityQuestion.duplicate",
    ],
    ["no consent", () => ({ sensitiveConsent: false }), "sensitiveConsent", "register.consent.required"],
  ];

  it.each(cases)("%s", async (_label, change, field, key) => {
    const base = await withCode(registrationInput());
    const input = { ...base, ...change(base) };
    const before = await db.account.count();
    const result = await registerStudent(input, meta());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.[field]?.key).toBe(key);
    expect(await db.account.count()).toBe(before);
    expect(await accountsWithPhone(base.phone)).toBe(0);
    // Format problems never use the code up: the student fixes the field and submits again.
    if (field !== "code") {
      const code = await db.verificationCode.findFirstOrThrow({
        where: { target: base.phone },
        orderBy: { createdAt: "desc" },
      });
      expect(code.consumedAt).toBeNull();
    }
  });

  it("suggests the simplified form and accepts the traditional one when kept on purpose", async () => {
    const input = await withCode(registrationInput({ name: "於明" }));
    const refused = await registerStudent(input, meta());
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.fieldErrors?.name?.params?.suggestion).toBe("于明");
    const kept = await registerStudent({ ...input, keepTraditionalName: true }, meta());
    expect(kept.ok).toBe(true);
    const account = await db.account.findUniqueOrThrow({ where: { phone: input.phone } });
    expect(account.name).toBe("於明");
  });

  it("accepts a 15-digit number as its 18-digit form and a passport by its own format", async () => {
    const input = await withCode(registrationInput({ idNumber: "110101800101001" }));
    // 15-digit numbers are shared by many test runs: re-register if someone already holds it.
    const result = await registerStudent({ ...input, reRegister: true }, meta());
    expect(result.ok).toBe(true);
    const account = await db.account.findUniqueOrThrow({ where: { phone: input.phone } });
    expect(decrypt(account.idNumberEnc)).toBe(
      "110101198001010015".slice(0, 17) + decrypt(account.idNumberEnc)[17],
    );
    expect(decrypt(account.idNumberEnc)).toHaveLength(18);

    const passport = await withCode(
      registrationInput({ idType: "passport", idNumber: `E${Date.now() % 1e8}` }),
    );
    expect((await registerStudent(passport, meta())).ok).toBe(true);
  });
});

describe("registerStudent — the SMS code", () => {
  it("refuses a wrong code without revealing anything and ends the code after 5 wrong tries", async () => {
    const input = await withCode(registrationInput());
    const wrong = input.code === "000000" ? "111111" : "000000";
    for (let left = 4; left >= 1; left--) {
      const r = await registerStudent({ ...input, code: wrong }, meta());
      expect(r.ok ? null : r.fieldErrors?.code).toEqual({ key: "register.code.wrongLeft", params: { left } });
    }
    const fifth = await registerStudent({ ...input, code: wrong }, meta());
    expect(fifth.ok ? null : fifth.fieldErrors?.code?.key).toBe("register.code.exhausted");
    const right = await registerStudent(input, meta());
    expect(right.ok ? null : right.fieldErrors?.code?.key).toBe("register.code.exhausted");
    expect(await accountsWithPhone(input.phone)).toBe(0);
  });

  it("expires after the configured lifetime (10 minutes by default)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2031-03-01T08:00:00Z"));
    const input = await withCode(registrationInput());
    vi.setSystemTime(new Date("2031-03-01T08:10:01Z"));
    const late = await registerStudent(input, meta());
    expect(late.ok ? null : late.fieldErrors?.code?.key).toBe("register.code.expired");
    expect(await accountsWithPhone(input.phone)).toBe(0);
    vi.setSystemTime(new Date("2031-03-01T08:11:30Z"));
    const again = await withCode(input);
    vi.setSystemTime(new Date("2031-03-01T08:21:00Z"));
    expect((await registerStudent(again, meta())).ok).toBe(true);
  });

  it("is bound to its phone: a code sent to another phone does not work", async () => {
    const other = await withCode(registrationInput());
    const input = await withCode(registrationInput());
    const r = await registerStudent(
      { ...input, code: other.code === input.code ? "123456" : other.code },
      meta(),
    );
    expect(r.ok).toBe(false);
    expect(await accountsWithPhone(input.phone)).toBe(0);
  });

  it("only the latest code counts", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2031-04-01T08:00:00Z"));
    const first = await withCode(registrationInput());
    vi.setSystemTime(new Date("2031-04-01T08:01:05Z"));
    const second = await withCode(first);
    if (first.code !== second.code) {
      const old = await registerStudent(first, meta());
      expect(old.ok).toBe(false);
    }
    expect((await registerStudent(second, meta())).ok).toBe(true);
  });
});

describe("registerStudent — already registered", () => {
  it("phone: says 手机号码已被注册 only after the code was verified", async () => {
    const first = await withCode(registrationInput());
    expect((await registerStudent(first, meta())).ok).toBe(true);

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 61_000);
    const second = registrationInput({ phone: first.phone });
    // A stranger without the code learns nothing.
    const probe = await registerStudent({ ...second, code: "123456" }, meta());
    expect(probe.ok ? null : probe.fieldErrors?.code?.key).toMatch(/^register\.code\.(wrong|wrongLeft)$/);
    expect(probe.ok ? null : probe.fieldErrors?.phone).toBeUndefined();

    const withValid = await withCode(second);
    const taken = await registerStudent(withValid, meta());
    expect(taken.ok ? null : taken.fieldErrors?.phone?.key).toBe("register.phone.taken");
    expect(await accountsWithPhone(first.phone)).toBe(1);
  });

  it("ID number: 证件号码已被注册, and 我要重新注册 gives a pending account", async () => {
    const first = await withCode(registrationInput());
    expect((await registerStudent(first, meta())).ok).toBe(true);

    const second = await withCode(registrationInput({ idNumber: first.idNumber }));
    const taken = await registerStudent(second, meta());
    expect(taken.ok ? null : taken.fieldErrors?.idNumber?.key).toBe("register.idNumber.taken");
    expect(await accountsWithPhone(second.phone)).toBe(0);

    const again = await registerStudent({ ...second, reRegister: true }, meta());
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.value.identityStatus).toBe("pending");
    const pending = await db.account.findUniqueOrThrow({ where: { id: again.value.accountId } });
    expect(pending.identityStatus).toBe("pending");
    expect(pending.verifiedIdIndex).toBeNull();
    expect(pending.idNumberIndex).toBe(blindIndex(first.idNumber));
    const actor = await resolveSession(again.value.sessionId);
    expect(actor).toMatchObject({ identityStatus: "pending" });
    const notice = await db.notification.findFirst({
      where: { accountId: pending.id, kind: "account.registeredPending" },
    });
    expect(notice?.linkPath).toBe("/identity");
    // The original keeps the ID number.
    const original = await db.account.findUniqueOrThrow({ where: { phone: first.phone } });
    expect(original.verifiedIdIndex).toBe(blindIndex(first.idNumber));
  });
});

describe("registerStudent — concurrent registrations", () => {
  it("same ID number from two phones at once: exactly one wins, the other is told clearly", async () => {
    const idNumber = randomIdNumber();
    const a = await withCode(registrationInput({ idNumber }));
    const b = await withCode(registrationInput({ idNumber }));
    const results = await Promise.all([registerStudent(a, meta()), registerStudent(b, meta())]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    expect(loser && !loser.ok ? loser.fieldErrors?.idNumber?.key : null).toBe("register.idNumber.taken");
    expect(await db.account.count({ where: { idNumberIndex: blindIndex(idNumber) } })).toBe(1);
    expect(await db.account.count({ where: { verifiedIdIndex: blindIndex(idNumber) } })).toBe(1);
  });

  it("same phone twice at once (same code): exactly one account", async () => {
    const phone = randomPhone();
    const a = await withCode(registrationInput({ phone }));
    const b = { ...registrationInput({ phone }), code: a.code };
    const results = await Promise.all([registerStudent(a, meta()), registerStudent(b, meta())]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    expect(loser && !loser.ok ? loser.fieldErrors?.phone?.key : null).toBe("register.phone.taken");
    expect(await accountsWithPhone(phone)).toBe(1);
  });

  it("five registrations racing for one ID number: one verified account", async () => {
    const idNumber = randomIdNumber();
    const inputs = [];
    for (let i = 0; i < 5; i++) inputs.push(await withCode(registrationInput({ idNumber })));
    const results = await Promise.all(inputs.map((input) => registerStudent(input, meta())));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.account.count({ where: { idNumberIndex: blindIndex(idNumber) } })).toBe(1);
  });
});
