import "server-only";
import { notify } from "@/lib/messaging/inbox";
import { sendMessage } from "@/lib/messaging/send";
import { formatDateTime } from "@/lib/i18n/format";

type Owner = { id: string; phone: string; email: string | null; emailVerifiedAt: Date | null };

export type SecurityEvent =
  "passwordReset" | "passwordChanged" | "phoneChanged" | "emailChanged" | "externalBound" | "externalUnbound";

const TEXT: Record<SecurityEvent, (p: Record<string, string>) => string> = {
  passwordReset: (p) => `您的账号密码已于 ${p.time} 通过找回密码重置,所有设备已退出登录。`,
  passwordChanged: (p) => `您的账号密码已于 ${p.time} 修改,其他设备已退出登录。`,
  phoneChanged: (p) => `您的账号绑定手机号已于 ${p.time} 更换为 ${p.phone}。`,
  emailChanged: (p) => `您的账号安全邮箱已于 ${p.time} 绑定为 ${p.email}。`,
  externalBound: (p) => `您的账号已于 ${p.time} 绑定${p.provider}登录。`,
  externalUnbound: (p) => `您的账号已于 ${p.time} 解除${p.provider}登录的绑定。`,
};

/**
 * Tells the owner about a change to how their account is secured, in the inbox and on their bound phone and
 * verified e-mail. Security notices go out whatever the notification settings say: they are how an owner
 * learns that someone else took over. Sending failures are recorded by sendMessage, never thrown.
 */
export async function notifySecurityEvent(
  owner: Owner,
  event: SecurityEvent,
  params: Record<string, string> = {},
  alsoTo: { phone?: string; email?: string } = {},
): Promise<void> {
  const time = formatDateTime(new Date());
  const all = { time, ...params };
  const text = `【学籍自查】${TEXT[event](all)}如非本人操作,请立即找回密码并联系学籍管理科。`;
  await notify({ accountId: owner.id }, `account.${event}`, { ...all });
  const phones = new Set([owner.phone, ...(alsoTo.phone ? [alsoTo.phone] : [])]);
  for (const phone of phones) await sendMessage({ channel: "sms", to: phone, body: text });
  const emails = new Set([
    ...(owner.email && owner.emailVerifiedAt ? [owner.email] : []),
    ...(alsoTo.email ? [alsoTo.email] : []),
  ]);
  for (const email of emails)
    await sendMessage({ channel: "email", to: email, subject: "学籍自查:账号安全提醒", body: text });
}
