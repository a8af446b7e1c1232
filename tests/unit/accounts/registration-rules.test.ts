import { describe, expect, it } from "vitest";
import { checkRegistrationFields, type RegistrationInput } from "@/lib/accounts/registration-rules";
import { normalizeCode } from "@/lib/accounts/codes-format";
import { checkSecurityQuestions, normalizeAnswer } from "@/lib/accounts/security-questions";
import { describeUserAgent } from "@/lib/accounts/user-agent";
import { completenessPercent } from "@/lib/accounts/completeness";
import { checkDigitFor } from "@/lib/identity/id-number";

const base: RegistrationInput = {
  phone: "139 1234 5678",
  code: "１２３４５６",
  password: "春眠不觉晓处处闻啼鸟",
  confirmPassword: "春眠不觉晓处处闻啼鸟",
  name: " 张 伟 ",
  keepTraditionalName: false,
  idType: "resident_id",
  idNumber: "11010519491231002x",
  email: "",
  questions: [
    { questionKey: "", answer: "" },
    { questionKey: "", answer: "" },
    { questionKey: "", answer: "" },
  ],
  sensitiveConsent: true,
  reRegister: false,
};
const never = () => false;

describe("checkRegistrationFields", () => {
  it("normalises every field of a good form", () => {
    const r = checkRegistrationFields(base, never);
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({
        phone: "13912345678",
        code: "123456",
        name: "张伟",
        idType: "resident_id",
        idNumber: "11010519491231002X",
        email: null,
        questions: [],
      }),
    });
  });

  it("reports every problem at once, each at its field", () => {
    const r = checkRegistrationFields(
      {
        ...base,
        phone: "1234",
        code: "",
        name: "",
        idNumber: "123",
        sensitiveConsent: false,
        email: "x@",
        confirmPassword: "x",
      },
      never,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.fromEntries(Object.entries(r.fieldErrors).map(([k, v]) => [k, v.key]))).toEqual({
      phone: "register.phone.invalid",
      code: "register.code.required",
      name: "register.name.empty",
      idNumber: "register.idNumber.invalid",
      confirmPassword: "passwords.mismatch",
      email: "register.email.invalid",
      sensitiveConsent: "register.consent.required",
    });
  });

  it.each([
    ["hk_macao_residence", "81000019990101001" + checkDigitFor("81000019990101001"), true],
    ["hk_macao_residence", "11010519491231002X", false],
    ["passport", "E12345678", true],
    ["passport", "护照号", false],
    ["other", "AB-1234", true],
  ])("证件类型 %s accepts %s: %s", (idType, idNumber, ok) => {
    const r = checkRegistrationFields({ ...base, idType, idNumber }, never);
    if (ok) expect(r.ok).toBe(true);
    else expect(r.ok ? null : r.fieldErrors.idNumber?.key).toBe("register.idNumber.invalid");
  });
});

describe("SMS code format", () => {
  it.each([
    ["123456", "123456"],
    [" 123 456 ", "123456"],
    ["１２３４５６", "123456"],
    ["12345", null],
    ["1234567", null],
    ["12a456", null],
  ])("%j → %j", (raw, expected) => expect(normalizeCode(raw)).toBe(expected));
});

describe("security questions", () => {
  it("normalises answers: width, case, spaces, traditional forms", () => {
    expect(normalizeAnswer(" 北京 市 ")).toBe("北京市");
    expect(normalizeAnswer("ＬＩ Ming")).toBe("liming");
    expect(normalizeAnswer("臺灣")).toBe(normalizeAnswer("台湾"));
  });
  it("skips empty slots and refuses half-filled or repeated ones", () => {
    expect(checkSecurityQuestions([{ questionKey: "", answer: "" }])).toEqual({ ok: true, value: [] });
    expect(checkSecurityQuestions([{ questionKey: "hacker_question", answer: "北京" }])).toEqual({
      ok: false,
      problems: [{ slot: 1, field: "question", key: "register.securityQuestion.chooseQuestion" }],
    });
    const r = checkSecurityQuestions([
      { questionKey: "birthplace", answer: "北京" },
      { questionKey: "", answer: "" },
      { questionKey: "birthplace", answer: "上海" },
    ]);
    expect(r).toEqual({
      ok: false,
      problems: [{ slot: 3, field: "question", key: "register.securityQuestion.duplicate" }],
    });
  });
});

describe("login log helpers", () => {
  it.each([
    [
      "Mozilla/5.0 (Linux; Android 14; M2012K11AC) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36",
      "Chrome · Android",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1",
      "Safari · iOS",
    ],
    [
      "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/116 MicroMessenger/8.0.42",
      "WeChat · Android",
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120 Safari/537.36 Edg/120",
      "Edge · Windows",
    ],
    [null, "—"],
  ])("%s → %s", (ua, expected) => expect(describeUserAgent(ua)).toBe(expected));

  it("completeness is the share of done items", () => {
    expect(
      completenessPercent([
        { key: "phone", done: true },
        { key: "email", done: false },
      ]),
    ).toBe(50);
    expect(completenessPercent([])).toBe(0);
  });
});
