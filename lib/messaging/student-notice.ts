import "server-only";
import { createTranslator } from "next-intl";
import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db";
import { loadMessages } from "@/lib/i18n/messages";
import { notify } from "@/lib/messaging/inbox";
import { sendMessage } from "@/lib/messaging/send";

export type StudentNotice = {
  accountId: string;
  /** a kind under "kinds" in inbox.json, e.g. "correction.approved" */
  kind: string;
  params: Record<string, string | number>;
  linkPath: string;
};

/** 站内信 inside the caller's transaction: it exists exactly when the step it reports does. */
export async function noticeInInbox(tx: Pick<Tx, "notification">, notice: StudentNotice): Promise<void> {
  await notify({ accountId: notice.accountId }, notice.kind, notice.params, notice.linkPath, tx);
}

/**
 * The same notice by SMS and e-mail, after the change is committed, when the student has those channels
 * switched on (account notification settings) and, for e-mail, a verified address. Text is the zh-CN
 * inbox text: SMS templates in China are Chinese. A failed send is recorded by sendMessage, never thrown.
 */
export async function noticeByMessage(notice: StudentNotice): Promise<void> {
  const account = await db.account.findUnique({
    where: { id: notice.accountId },
    select: { phone: true, email: true, emailVerifiedAt: true, notifyBySms: true, notifyByEmail: true },
  });
  if (!account) return;
  // Keys are built at run time, so the translator is used untyped.
  const t = createTranslator({ locale: "zh-CN", messages: loadMessages("zh-CN") }) as unknown as (
    key: string,
    values?: Record<string, string | number>,
  ) => string;
  const body = t(`inbox.kinds.${notice.kind}`, notice.params);
  const sends: Promise<unknown>[] = [];
  if (account.notifyBySms) sends.push(sendMessage({ channel: "sms", to: account.phone, body }));
  if (account.notifyByEmail && account.email && account.emailVerifiedAt) {
    sends.push(
      sendMessage({
        channel: "email",
        to: account.email,
        subject: t("corrections.notice.emailSubject"),
        body: `${body}\n\n${t("corrections.notice.emailFooter")}`,
      }),
    );
  }
  await Promise.allSettled(sends);
}
