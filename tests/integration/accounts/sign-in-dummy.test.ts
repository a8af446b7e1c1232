import { describe, expect, it, vi } from "vitest";

// Spy on the password module: an unknown username must still cost one full argon2 verification.
vi.mock("@/lib/security/passwords", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/security/passwords")>();
  return {
    ...actual,
    verifyAgainstDummy: vi.fn(actual.verifyAgainstDummy),
    verifyPassword: vi.fn(actual.verifyPassword),
  };
});

const passwords = await import("@/lib/security/passwords");
const { signInStudent } = await import("@/lib/accounts/sign-in");
const { createAccount, meta } = await import("./support");

describe("unknown usernames cost the same as known ones", () => {
  it("verifies against a dummy argon2 hash when the username does not exist", async () => {
    vi.mocked(passwords.verifyAgainstDummy).mockClear();
    vi.mocked(passwords.verifyPassword).mockClear();
    await signInStudent({ username: "13999999990", password: "some password" }, meta());
    await signInStudent({ username: "nobody@example.edu.cn", password: "some password" }, meta());
    await signInStudent({ username: "110101199001011234", password: "some password" }, meta());
    expect(passwords.verifyAgainstDummy).toHaveBeenCalledTimes(3);
  });

  it("verifies the real hash (and not the dummy) for a known username", async () => {
    const { account } = await createAccount();
    vi.mocked(passwords.verifyAgainstDummy).mockClear();
    vi.mocked(passwords.verifyPassword).mockClear();
    await signInStudent({ username: account.phone, password: "wrong password" }, meta());
    expect(passwords.verifyAgainstDummy).not.toHaveBeenCalled();
    expect(passwords.verifyPassword).toHaveBeenCalledWith(account.passwordHash, "wrong password");
  });
});
