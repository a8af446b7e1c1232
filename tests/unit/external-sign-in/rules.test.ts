import { describe, expect, it } from "vitest";
import { AuthorizationResponseError } from "openid-client";
import { verifiedClaimValue } from "@/lib/external-sign-in/claims";
import { classifyClientError, reasonOfKey } from "@/lib/external-sign-in/failures";
import { maskSubject } from "@/lib/external-sign-in/mask";
import { isAcceptableIssuer, providerInputSchema } from "@/lib/external-sign-in/schemas";
import { safeNextPath } from "@/lib/core/safe-next";

describe("maskSubject", () => {
  it.each([
    ["248289761001", "2482****1001"],
    ["idp-student-248289761001", "idp-****1001"],
    ["abcdefgh", "a******h"],
    ["ab", "**"],
    ["张三丰李四王五赵六钱七", "张三丰李****赵六钱七"],
  ])("%s → %s", (subject, masked) => expect(maskSubject(subject)).toBe(masked));
});

describe("verifiedClaimValue", () => {
  it.each([
    [{ email: "Li@Example.edu.cn", email_verified: true }, "email", "li@example.edu.cn"],
    [{ email: "li@example.edu.cn", email_verified: false }, "email", null],
    [{ email: "li@example.edu.cn" }, "email", null],
    [{ email: "li@example.edu.cn", email_verified: "true" }, "email", null],
    [{ phone_number: "+8613800000000", phone_number_verified: true }, "phone_number", "+8613800000000"],
    [{ phone_number: "+8613800000000" }, "phone_number", null],
    [{ employee_number: " T2019003 " }, "employee_number", "T2019003"],
    [{ employee_number: 2019003 }, "employee_number", "2019003"],
    [{ employee_number: "T2019003", employee_number_verified: false }, "employee_number", null],
    [{ employee_number: "" }, "employee_number", null],
    [{ employee_number: ["T1"] }, "employee_number", null],
    [{ sub: "x" }, "sub", null],
    [{ email: "a@b.cn", email_verified: true }, "", null],
  ])("%j by %s → %s", (claims, claim, value) => expect(verifiedClaimValue(claims, claim)).toBe(value));
});

describe("issuer URLs the admin may enter", () => {
  it.each([
    ["https://sso.example.edu.cn/realms/campus", true],
    ["https://cas.example.edu.cn/cas/oidc", true],
    ["http://127.0.0.1:3151", true],
    ["http://localhost:8080/realms/test", true],
    ["http://sso.example.edu.cn", false],
    ["https://sso.example.edu.cn/?tenant=1", false],
    ["https://user:pw@sso.example.edu.cn", false],
    ["javascript:alert(1)", false],
    ["ftp://sso.example.edu.cn", false],
    ["not a url", false],
  ])("%s → %s", (issuer, ok) => expect(isAcceptableIssuer(issuer)).toBe(ok));

  it("normalises the identifier and refuses odd ones", () => {
    const base = {
      nameZh: "统一身份认证",
      nameEn: "SSO",
      issuer: "https://a.cn",
      clientId: "x",
      audience: "staff",
      staffClaim: "",
    };
    expect(providerInputSchema.parse({ ...base, slug: " Campus-SSO " }).slug).toBe("campus-sso");
    for (const slug of ["a", "-abc", "abc-", "ab_c", "统一", "a".repeat(40)])
      expect(providerInputSchema.safeParse({ ...base, slug }).success).toBe(false);
  });
});

describe("safeNextPath", () => {
  it.each([
    ["/record", "/record"],
    ["/account#external", "/account#external"],
    ["//evil.example", undefined],
    ["/\\evil.example", undefined],
    ["https://evil.example", undefined],
    ["/record\n", undefined],
    ["", undefined],
    [undefined, undefined],
  ])("%j → %j", (next, safe) => expect(safeNextPath(next)).toBe(safe));
});

describe("failures", () => {
  it("sorts client errors into what the person is told", () => {
    expect(classifyClientError(new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } }))).toBe(
      "unreachable",
    );
    expect(classifyClientError(Object.assign(new Error("x"), { code: "OAUTH_TIMEOUT" }))).toBe("unreachable");
    expect(
      classifyClientError(Object.assign(new Error("x"), { code: "OAUTH_JWT_TIMESTAMP_CHECK_FAILED" })),
    ).toBe("token_invalid");
    expect(
      classifyClientError(Object.assign(new Error("x"), { code: "OAUTH_JWT_CLAIM_COMPARISON_FAILED" })),
    ).toBe("token_invalid");
    const denied = new AuthorizationResponseError("denied", {
      cause: new URLSearchParams({ error: "access_denied" }),
    });
    expect(classifyClientError(denied)).toBe("denied");
    expect(classifyClientError(new Error("anything else"))).toBe("provider_error");
  });

  it("reads the reason out of a message key, and nothing else", () => {
    expect(reasonOfKey("sso.errors.unreachable")).toBe("unreachable");
    expect(reasonOfKey("sso.errors.<script>")).toBe("provider_error");
    expect(reasonOfKey("account.currentPasswordWrong")).toBe("provider_error");
    expect(reasonOfKey(undefined)).toBe("provider_error");
  });
});
