import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { smtpProvider } from "@/lib/messaging/smtp";
import { setProvider } from "@/lib/messaging/send";
import { startSession } from "@/lib/auth/sessions";
import { requestEmailChange } from "@/lib/accounts/manage";
import { confirmEmail } from "@/lib/accounts/email";
import type { StudentActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createAccount, meta } from "./support";

type Delivered = { from: string; to: string[]; auth?: string; mail: ParsedMail };
const delivered: Delivered[] = [];
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    onAuth(auth, _session, callback) {
      if (auth.username === "mailer" && auth.password === "s3cret") callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          delivered.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            auth: typeof session.user === "string" ? session.user : undefined,
            mail,
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  setProvider("email", undefined);
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("SMTP provider against a real SMTP server on loopback", () => {
  it("delivers the security e-mail verification, which verifies the address when followed", async () => {
    setProvider(
      "email",
      smtpProvider(`smtp://mailer:s3cret@127.0.0.1:${port}`, "学籍自查 <no-reply@xueji.example.edu.cn>"),
    );
    const { account, password } = await createAccount();
    const session = await startSession({ accountId: account.id }, meta());
    const actor: StudentActor = {
      kind: "student",
      accountId: account.id,
      sessionId: session.id,
      identityStatus: "verified",
    };
    const email = `smtp${Date.now()}@example.edu.cn`;

    const r = await requestEmailChange(
      actor,
      { email, currentPassword: password },
      "https://xueji.example.edu.cn",
    );
    expect(r.ok).toBe(true);

    const mail = delivered.find((d) => d.to.includes(email));
    expect(mail).toBeDefined();
    expect(mail!.auth).toBe("mailer");
    expect(mail!.from).toBe("no-reply@xueji.example.edu.cn");
    expect(mail!.mail.subject).toContain("验证您的安全邮箱");
    expect(mail!.mail.from?.text).toContain("学籍自查");
    const text = mail!.mail.text ?? "";
    const link = /https:\/\/xueji\.example\.edu\.cn\/account\/email\/verify\?token=[\w%-]+/.exec(text)?.[0];
    expect(link).toBeDefined();

    const outbound = await db.outboundMessage.findFirstOrThrow({ where: { to: email } });
    expect(outbound).toMatchObject({ provider: "smtp", status: "sent", code: null });
    // A real provider's stored copy must not hold the link: anyone reading the table could use it.
    expect(outbound.body).not.toContain("token=");
    expect(outbound.body).toContain("[link]");

    const token = new URL(link!).searchParams.get("token") ?? "";
    expect((await confirmEmail(token)).ok).toBe(true);
    const row = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(row.email).toBe(email);
  });

  it("a refused login is recorded as a failed send", async () => {
    setProvider(
      "email",
      smtpProvider(`smtp://mailer:wrong@127.0.0.1:${port}`, "no-reply@xueji.example.edu.cn"),
    );
    const { sendMessage } = await import("@/lib/messaging/send");
    const to = `fail${Date.now()}@example.edu.cn`;
    const r = await sendMessage({ channel: "email", to, subject: "x", body: "y" });
    expect(r.ok).toBe(false);
    const row = await db.outboundMessage.findFirstOrThrow({ where: { to } });
    expect(row.status).toBe("failed");
    setProvider("email", undefined);
  });
});
