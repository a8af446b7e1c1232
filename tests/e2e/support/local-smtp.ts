import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * An SMTP server on loopback for the portal's SMTP provider (EMAIL_PROVIDER=smtp): it requires the user name
 * and password the test configured (AUTH PLAIN/LOGIN), parses every message it accepts and keeps it for the
 * test to read, as a person reads their mailbox.
 */
export type LocalSmtp = {
  url: string;
  messages: ParsedMail[];
  /** The newest message to an address, waiting up to 15 s for it. */
  messageTo(address: string): Promise<ParsedMail>;
  close(): Promise<void>;
};

export async function startLocalSmtp(port: number, user: string, pass: string): Promise<LocalSmtp> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authMethods: ["PLAIN", "LOGIN"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === pass) return callback(null, { user });
      callback(new Error("invalid credentials"));
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          messages.push(mail);
          callback();
        },
        (e: Error) => callback(e),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `smtp://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}`,
    messages,
    async messageTo(address) {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const found = messages.filter((m) => m.to && JSON.stringify(m.to).includes(address)).pop();
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no e-mail to ${address} reached the SMTP server`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
