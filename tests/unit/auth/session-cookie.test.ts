import { afterEach, describe, expect, it, vi } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { decodeSessionToken, encodeSessionToken, sessionIdFromToken } from "@/lib/auth/cookie";
import { authSecret } from "@/lib/auth/secret";

/** The session cookie is read with a key derived once (lib/auth/cookie.ts), not by next-auth's decode. */
describe("session cookie", () => {
  it("reads the session id from a cookie next-auth issued, many times with one derived key", async () => {
    const token = await encode({ token: { sid: "session-1", kind: "student" }, secret: authSecret() });
    for (let i = 0; i < 3; i++) expect(await sessionIdFromToken(token)).toBe("session-1");
  });

  it("refuses a cookie sealed with another secret, a tampered one, an expired one and garbage", async () => {
    const other = await encode({ token: { sid: "session-2" }, secret: "another secret of enough length!!" });
    expect(await sessionIdFromToken(other)).toBeNull();
    const token = await encode({ token: { sid: "session-3" }, secret: authSecret() });
    const parts = token.split(".");
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith("AA") ? "BB" : "AA");
    expect(await sessionIdFromToken(parts.join("."))).toBeNull();
    const expired = await encode({ token: { sid: "session-4" }, secret: authSecret(), maxAge: -60 });
    expect(await sessionIdFromToken(expired)).toBeNull();
    expect(await sessionIdFromToken("not-a-token")).toBeNull();
    expect(await sessionIdFromToken(undefined)).toBeNull();
  });

  it("issues next-auth's own token format with the key derived once: each side reads the other's", async () => {
    const secret = authSecret();
    const ours = await encodeSessionToken({
      token: { sid: "session-5", kind: "staff" },
      secret,
      maxAge: 600,
    });
    const read = await decode({ token: ours, secret });
    expect(read).toMatchObject({ sid: "session-5", kind: "staff" });
    expect(typeof read?.jti).toBe("string");
    expect(Number(read?.exp) - Number(read?.iat)).toBe(600);
    const header = JSON.parse(Buffer.from(ours.split(".")[0], "base64url").toString());
    expect(header).toEqual({ alg: "dir", enc: "A256GCM" });
    const theirs = await encode({ token: { sid: "session-6" }, secret });
    expect(await decodeSessionToken({ token: theirs, secret })).toMatchObject({ sid: "session-6" });
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
    const expired = await encodeSessionToken({ token: { sid: "session-7" }, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow();
    await expect(
      decodeSessionToken({ token: ours, secret: "another secret of enough length!!" }),
    ).rejects.toThrow();
  });

  describe("a cookie already opened", () => {
    afterEach(() => {
      vi.useRealTimers();
      vi.unstubAllEnvs();
    });

    it("still ends at its exp (with next-auth's 15 s tolerance) after it was read", async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      const token = await encode({ token: { sid: "session-8" }, secret: authSecret(), maxAge: 60 });
      expect(await sessionIdFromToken(token)).toBe("session-8");
      vi.setSystemTime(Date.now() + 70_000);
      expect(await sessionIdFromToken(token)).toBe("session-8");
      vi.setSystemTime(Date.now() + 10_000);
      expect(await sessionIdFromToken(token)).toBeNull();
    });

    it("is not read after the secret changed", async () => {
      const token = await encode({ token: { sid: "session-9" }, secret: authSecret() });
      expect(await sessionIdFromToken(token)).toBe("session-9");
      vi.stubEnv("NEXTAUTH_SECRET", "a rotated secret that is long enough!!");
      expect(authSecret()).toBe("a rotated secret that is long enough!!");
      expect(await sessionIdFromToken(token)).toBeNull();
      vi.unstubAllEnvs();
      expect(await sessionIdFromToken(token)).toBe("session-9");
    });

    it("is told apart from a token differing in one character", async () => {
      const token = await encode({ token: { sid: "session-10" }, secret: authSecret() });
      expect(await sessionIdFromToken(token)).toBe("session-10");
      const parts = token.split(".");
      parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith("AA") ? "BB" : "AA");
      expect(await sessionIdFromToken(parts.join("."))).toBeNull();
    });
  });
});
