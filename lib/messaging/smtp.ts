import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import type { MessageProvider } from "./types";

/** E-mail over SMTP (nodemailer). SMTP_URL like smtps://user:pass@smtp.example.edu.cn:465 */
export function smtpProvider(smtpUrl: string, from: string): MessageProvider {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    name: "smtp",
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject ?? "", text: message.body });
    },
  };
}

export function smtpProviderFromEnv(): MessageProvider {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) throw new Error("EMAIL_PROVIDER=smtp needs SMTP_URL");
  return smtpProvider(SMTP_URL, MAIL_FROM);
}
