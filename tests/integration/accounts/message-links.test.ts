/**
 * Links mailed to a person name the portal's configured address, never one a request chose: a request whose
 * Host, Origin and X-Forwarded-Host all say evil.example asks for a password-reset e-mail through the real
 * server action, and the mail in the outbox links to the configured public URL (or, in a demo without one,
 * the address the server listens on). Runs on SQLite and, with TEST_DB=postgres, on PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/lib/i18n/messages";
import { createCaptcha, devCaptchaAnswer } from "@/lib/security/captcha";
import { messageBaseUrl } from "@/lib/accounts/links";
import { recoverPasswordAction } from "@/app/recover/password/actions";
import { createAccount, latestMessage } from "./support";

const FORGED = {
  host: "evil.example",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  origin: "https://evil.example",
  "user-agent": "vitest",
};

vi.mock("next/headers", () => ({
  headers: async () => new Headers(FORGED),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));
vi.mock("next-intl/server", () => ({
  getTranslations: async () =>
    createTranslator({ locale: "zh-CN", messages: loadMessages("zh-CN") as never }),
}));

const saved = {
  NEXTAUTH_URL: process.env.NEXTAUTH_URL,
  PORT: process.env.PORT,
  HOSTNAME: process.env.HOSTNAME,
};
beforeEach(() => {
  delete process.env.NEXTAUTH_URL;
  delete process.env.PORT;
  delete process.env.HOSTNAME;
});
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

/** 找回密码 by e-mail through the server action, as the page posts it; the link of the mail sent. */
async function resetLinkMailed(): Promise<string> {
  const email = `link${Date.now()}${Math.random().toString(36).slice(2, 6)}@example.edu.cn`;
  await createAccount({ email });
  const c = await createCaptcha();
  const started = await recoverPasswordAction(
    { status: "idle" },
    form({ intent: "start", username: email, captchaId: c.id, captchaAnswer: devCaptchaAnswer(c.id) ?? "" }),
  );
  const ticket = started.data?.ticket;
  expect(ticket, JSON.stringify(started)).toBeTruthy();
  const sent = await recoverPasswordAction(
    { status: "idle" },
    form({ intent: "email", ticket: ticket ?? "" }),
  );
  expect(sent.data?.step, JSON.stringify(sent)).toBe("emailSent");
  const mail = await latestMessage(email);
  expect(mail?.body).toBeTruthy();
  return mail?.body ?? "";
}

describe("links in messages (forged Host / X-Forwarded-Host / Origin)", () => {
  it("a password-reset mail links to the configured public URL only", async () => {
    process.env.NEXTAUTH_URL = "https://xueji.example.edu.cn/";
    const body = await resetLinkMailed();
    expect(body).not.toContain("evil.example");
    expect(body).toMatch(/https:\/\/xueji\.example\.edu\.cn\/recover\/password\/reset\?token=\S+/);
  });

  it("without a configured URL (demo) the link names the address the server listens on", async () => {
    process.env.PORT = "3999";
    process.env.HOSTNAME = "0.0.0.0";
    const body = await resetLinkMailed();
    expect(body).not.toContain("evil.example");
    expect(body).toContain("http://localhost:3999/recover/password/reset?token=");
  });

  it("messageBaseUrl reads only the configuration", () => {
    expect(messageBaseUrl({ NEXTAUTH_URL: "https://xj.example.edu.cn/portal" })).toBe(
      "https://xj.example.edu.cn",
    );
    expect(messageBaseUrl({ HOSTNAME: "127.0.0.1", PORT: "3206" })).toBe("http://127.0.0.1:3206");
    expect(messageBaseUrl({ HOSTNAME: "::1", PORT: "80" })).toBe("http://[::1]:80");
    expect(messageBaseUrl({ NEXTAUTH_URL: "not a url", PORT: "3000" })).toBe("http://localhost:3000");
  });
});
