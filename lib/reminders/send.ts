import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { ok, type Result } from "@/lib/core/result";
import { notCheckedIds, type NotCheckedFilter } from "@/lib/progress/not-checked";
import { shanghaiDay } from "@/lib/progress/trend";
import type { CampaignRef } from "@/lib/progress/campaign";
import { formatDateTime } from "@/lib/i18n/format";
import { sendMessage } from "@/lib/messaging/send";
import { messageTexts } from "@/lib/messaging/texts";
import type { TemplateKey } from "@/lib/messaging/templates";
import type { OutgoingMessage } from "@/lib/messaging/types";
import { audit } from "@/lib/security/audit";
import { OPEN_STATUSES } from "@/lib/corrections/status";
import { hasPhone } from "@/lib/identity/phone";

export const REMINDER_KIND = "reminder.notChecked";

export type ReminderReport = {
  /** records not yet confirmed that the reminder was aimed at */
  total: number;
  /** students who got the inbox notice now */
  reached: number;
  /** no (active) account yet: nobody to tell — the college has to reach them another way */
  skippedNoAccount: number;
  /** already reminded today (one reminder per student per day, Asia/Shanghai) */
  skippedAlreadyToday: number;
  /** an open correction request (已报错): the student has answered, a reminder would be wrong */
  skippedReported: number;
  /** SMS / e-mails queued for accounts that allow them */
  sms: number;
  email: number;
};

/** Below the SQLite adapter's 999 bound parameters for the `in` lists of each chunk. */
const CHUNK = 900;

/**
 * SPEC §5 reminder: an inbox notice to every student of the campaign in the actor's colleges (narrowed
 * by the list's filters) who has not confirmed and has no open correction request (已报错), plus SMS / e-mail where the account allows, at most once
 * per student per day — ReminderLog's unique (campaign, record, day) enforces it even when two clerks press
 * the button at once. Returns the counts and the SMS / e-mails to deliver (deliverReminders, after the
 * response: a provider may be slow).
 */
export async function remindNotConfirmed(
  actor: Actor,
  campaign: CampaignRef,
  filter: Omit<NotCheckedFilter, "page"> = {},
  now: Date = new Date(),
): Promise<Result<{ report: ReminderReport; messages: OutgoingMessage[] }>> {
  assertCan(actor, "reminder.send");
  const day = shanghaiDay(now);
  const sentById =
    actor.kind === "staff" ? actor.staffUserId : actor.kind === "api" ? actor.tokenId : actor.accountId;
  const report = emptyReport();
  const messages: OutgoingMessage[] = [];
  const texts = await messageTexts();
  for await (const due of dueChunks(actor, campaign, filter, day, report)) {
    const delivered = await logAndNotify(campaign, due, day, sentById);
    report.skippedAlreadyToday += due.length - delivered.length;
    report.reached += delivered.length;
    for (const r of delivered) messages.push(...messagesFor(r, campaign, report, texts));
  }
  await db.$transaction((tx) =>
    audit(tx, actor, {
      action: "reminder.send",
      targetType: "Campaign",
      targetId: campaign.id,
      after: { ...report, day, filter },
    }),
  );
  return ok({ report, messages });
}

export type ReminderPreview = {
  /** the counts the reminder would have now (reached = who will receive it) */
  report: ReminderReport;
  /** the SMS / e-mail text as the first recipient would get it; null when nobody would */
  sample: { sms: string; emailSubject: string; email: string } | null;
};

/**
 * What 发送提醒 would do under these filters, without writing anything: how many students receive it, who
 * is skipped and why, and the text they get — shown to the clerk to confirm before the reminder goes out.
 */
export async function previewReminder(
  actor: Actor,
  campaign: CampaignRef,
  filter: Omit<NotCheckedFilter, "page"> = {},
  now: Date = new Date(),
): Promise<Result<ReminderPreview>> {
  assertCan(actor, "reminder.send");
  const report = emptyReport();
  let sample: ReminderPreview["sample"] = null;
  const texts = await messageTexts();
  for await (const due of dueChunks(actor, campaign, filter, shanghaiDay(now), report)) {
    report.reached += due.length;
    for (const r of due) messagesFor(r, campaign, report, texts);
    if (!sample && due[0]) {
      // exactly as it leaves: the template, the signature and the portal's address
      const text = reminderText(due[0].name, campaign, texts.render);
      sample = {
        sms: texts.sign("sms", text),
        emailSubject: REMINDER_SUBJECT,
        email: texts.sign("email", text),
      };
    }
  }
  return ok({ report, sample });
}

const REMINDER_SUBJECT = "学籍信息核对提醒";

type Render = (key: TemplateKey, values: Record<string, string | number>) => string;

/**
 * The reminder's words from its template (SMS and e-mail alike; students read Chinese whatever the
 * clerk's language); sendMessage adds the signature and the portal's address.
 */
export function reminderText(name: string, campaign: Pick<CampaignRef, "endsAt">, render: Render): string {
  return render("reminder", { name, deadline: formatDateTime(campaign.endsAt) });
}

function emptyReport(): ReminderReport {
  return {
    total: 0,
    reached: 0,
    skippedNoAccount: 0,
    skippedAlreadyToday: 0,
    skippedReported: 0,
    sms: 0,
    email: 0,
  };
}

type Reachable = {
  id: string;
  name: string;
  account: {
    id: string;
    phone: string;
    email: string | null;
    emailVerifiedAt: Date | null;
    notifyBySms: boolean;
    notifyByEmail: boolean;
  };
};

/**
 * The students the reminder is for, chunk by chunk: not confirmed under the filters, with an active account,
 * no open correction request, not yet reminded on `day`. Counts the skipped ones into `report`.
 */
async function* dueChunks(
  actor: Actor,
  campaign: CampaignRef,
  filter: Omit<NotCheckedFilter, "page">,
  day: string,
  report: ReminderReport,
): AsyncGenerator<Reachable[]> {
  const ids = await notCheckedIds(actor, campaign, filter);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const records = await db.enrollmentRecord.findMany({
      where: { id: { in: ids.slice(i, i + CHUNK) } },
      select: {
        id: true,
        name: true,
        corrections: { where: { status: { in: [...OPEN_STATUSES] } }, select: { id: true }, take: 1 },
        account: {
          select: {
            id: true,
            identityStatus: true,
            phone: true,
            email: true,
            emailVerifiedAt: true,
            notifyBySms: true,
            notifyByEmail: true,
          },
        },
      },
    });
    report.total += records.length;
    const answered = records.filter((r) => r.corrections.length === 0);
    report.skippedReported += records.length - answered.length;
    const reachable = answered.filter(
      (r): r is typeof r & Reachable => !!r.account && r.account.identityStatus !== "cancelled",
    );
    report.skippedNoAccount += answered.length - reachable.length;
    const already = new Set(
      (
        await db.reminderLog.findMany({
          where: { campaignId: campaign.id, day, recordId: { in: reachable.map((r) => r.id) } },
          select: { recordId: true },
        })
      ).map((r) => r.recordId),
    );
    const due = reachable.filter((r) => !already.has(r.id));
    report.skippedAlreadyToday += reachable.length - due.length;
    if (due.length > 0) yield due;
  }
}

/** The SMS / e-mail one reminded student gets (where the account allows), counted into `report`. */
function messagesFor(
  r: Reachable,
  campaign: CampaignRef,
  report: ReminderReport,
  texts: { render: Render; sign: (channel: "sms" | "email", body: string) => string },
): OutgoingMessage[] {
  const out: OutgoingMessage[] = [];
  // signed here as sendMessage would, so the messages are exactly the text the clerk previewed
  const text = reminderText(r.name, campaign, texts.render);
  if (r.account.notifyBySms && hasPhone(r.account.phone)) {
    out.push({ channel: "sms", to: r.account.phone, body: texts.sign("sms", text) });
    report.sms++;
  }
  if (r.account.notifyByEmail && r.account.email && r.account.emailVerifiedAt) {
    out.push({
      channel: "email",
      to: r.account.email,
      subject: REMINDER_SUBJECT,
      body: texts.sign("email", text),
    });
    report.email++;
  }
  return out;
}

type Due = { id: string; account: { id: string } | null };

/**
 * ReminderLog rows and inbox notices for one chunk, in one transaction. If a concurrent reminder already
 * logged some of them (unique violation), falls back to one row at a time and skips those.
 */
async function logAndNotify<T extends Due>(
  campaign: CampaignRef,
  due: T[],
  day: string,
  sentById: string,
): Promise<T[]> {
  if (due.length === 0) return [];
  const params = JSON.stringify({ campaign: campaign.name, deadline: formatDateTime(campaign.endsAt) });
  const notice = (r: T) => ({
    accountId: (r.account as { id: string }).id,
    kind: REMINDER_KIND,
    params,
    linkPath: "/record",
  });
  try {
    await db.$transaction([
      db.reminderLog.createMany({
        data: due.map((r) => ({ campaignId: campaign.id, recordId: r.id, day, sentById })),
      }),
      db.notification.createMany({ data: due.map(notice) }),
    ]);
    return due;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const delivered: T[] = [];
  for (const r of due) {
    try {
      await db.$transaction([
        db.reminderLog.create({ data: { campaignId: campaign.id, recordId: r.id, day, sentById } }),
        db.notification.create({ data: notice(r) }),
      ]);
      delivered.push(r);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return delivered;
}

/** Sends the reminder SMS / e-mails one by one (each recorded in the outbox table by sendMessage). */
export async function deliverReminders(
  messages: readonly OutgoingMessage[],
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const message of messages) {
    const result = await sendMessage(message);
    if (result.ok) sent++;
    else failed++;
  }
  return { sent, failed };
}
