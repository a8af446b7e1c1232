/**
 * The texts the portal sends by SMS and e-mail, as templates the admin may edit within their placeholders
 * ({name} in braces). A template must keep every required placeholder and may use only its own ones; the
 * signature (【…】) and the portal's public address are added to every message when it is sent
 * (signBody), so templates carry neither. SMS go to mainland phones in Chinese; the e-mails that carry a
 * link are sent in both languages in one message (the student's language is not known before sign-in), so
 * those templates have a Chinese and an English text.
 */
export const TEMPLATE_LANGS = ["zh-CN", "en"] as const;
export type TemplateLang = (typeof TEMPLATE_LANGS)[number];

type TemplateDef = {
  channel: "sms" | "email" | "sms+email";
  langs: readonly TemplateLang[];
  /** placeholder name → required */
  placeholders: Readonly<Record<string, boolean>>;
  defaults: Readonly<Partial<Record<TemplateLang, string>>>;
};

export const MESSAGE_TEMPLATES = {
  verificationCode: {
    channel: "sms",
    langs: ["zh-CN"],
    placeholders: { action: false, code: true, lifetime: true },
    defaults: {
      "zh-CN": "您正在{action}，验证码 {code}，{lifetime}内有效。如非本人操作请忽略，切勿告诉他人。",
    },
  },
  reminder: {
    channel: "sms+email",
    langs: ["zh-CN"],
    placeholders: { name: false, deadline: true },
    defaults: {
      "zh-CN":
        "{name}同学：您的学籍信息尚未确认。请于 {deadline} 前登录学籍自查平台核对，无误请点“确认无误”，有误请点“信息有误”提交更正。",
    },
  },
  accountLocked: {
    channel: "sms",
    langs: ["zh-CN"],
    placeholders: { until: true },
    defaults: { "zh-CN": "您的账号因多次密码错误已被锁定至 {until}。如非本人操作，请尽快修改密码。" },
  },
  caseResolved: {
    channel: "sms",
    langs: ["zh-CN"],
    placeholders: {},
    defaults: { "zh-CN": "您的身份核验已通过，账号已可正常使用，请登录查看学籍信息。" },
  },
  casePhotoRejected: {
    channel: "sms",
    langs: ["zh-CN"],
    placeholders: { reason: true },
    defaults: {
      "zh-CN":
        "您上传的手持身份证照片未通过审核，原因：{reason}。请登录后按要求重新上传，或选择同学协助、提供学籍信息完成核验。",
    },
  },
  emailVerify: {
    channel: "email",
    langs: ["zh-CN", "en"],
    placeholders: { link: true },
    defaults: {
      "zh-CN":
        "您好：\n\n您在学籍自查平台将本邮箱设为安全邮箱。请在 24 小时内打开下面的链接完成验证，验证后可用本邮箱登录和找回密码：\n\n{link}\n\n如非本人操作，请忽略本邮件。",
      en: "Open the link above within 24 hours to verify this address as your security e-mail. If this was not you, ignore this message.",
    },
  },
  passwordReset: {
    channel: "email",
    langs: ["zh-CN", "en"],
    placeholders: { link: true },
    defaults: {
      "zh-CN":
        "您好：\n\n您正在找回学籍自查平台的账号密码。请在 30 分钟内打开下面的链接设置新密码（链接仅能使用一次）：\n\n{link}\n\n如非本人操作，请忽略本邮件，您的密码不会改变。",
      en: "Open the link above within 30 minutes to set a new password (it works once). If this was not you, ignore this message: your password stays the same.",
    },
  },
} as const satisfies Record<string, TemplateDef>;

export type TemplateKey = keyof typeof MESSAGE_TEMPLATES;
export const TEMPLATE_KEYS = Object.keys(MESSAGE_TEMPLATES) as TemplateKey[];
export type TemplateOverrides = Partial<Record<TemplateKey, Partial<Record<TemplateLang, string>>>>;

export const DEFAULT_SIGNATURE = "【学籍自查】";
/** the longest template text: an SMS of a few segments; e-mails may be longer */
export const TEMPLATE_MAX = { sms: 300, email: 2000 } as const;

export function isTemplateKey(key: string): key is TemplateKey {
  return Object.hasOwn(MESSAGE_TEMPLATES, key);
}

export function templateDef(key: TemplateKey): TemplateDef {
  return MESSAGE_TEMPLATES[key];
}

/** The placeholders written in a text, in order, once each. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]))];
}

export type TemplateProblem =
  | { key: "admin.messages.errors.empty" }
  | { key: "admin.messages.errors.tooLong"; params: { max: number } }
  | { key: "admin.messages.errors.unknown"; params: { names: string; allowed: string } }
  | { key: "admin.messages.errors.missing"; params: { names: string } }
  | { key: "admin.messages.errors.signature" };

const braces = (names: string[]) => names.map((n) => `{${n}}`).join("、");

/**
 * Why a template text is refused, or null: empty, too long, an unknown placeholder (the allowed ones are
 * named), a required one missing (named), or a signature written into it (the signature is added on send).
 * Required placeholders are required in the Chinese text; the English text of a bilingual e-mail follows
 * it in the same message and may refer to them ("the link above").
 */
export function templateProblem(
  key: TemplateKey,
  text: string,
  lang: TemplateLang = "zh-CN",
): TemplateProblem | null {
  const def = templateDef(key);
  const trimmed = text.trim();
  if (!trimmed) return { key: "admin.messages.errors.empty" };
  const max = def.channel === "email" ? TEMPLATE_MAX.email : TEMPLATE_MAX.sms;
  if ([...trimmed].length > max) return { key: "admin.messages.errors.tooLong", params: { max } };
  const allowed = Object.keys(def.placeholders);
  const used = placeholdersIn(trimmed);
  const unknown = used.filter((p) => !allowed.includes(p));
  if (unknown.length > 0)
    return {
      key: "admin.messages.errors.unknown",
      params: { names: braces(unknown), allowed: allowed.length ? braces(allowed) : "—" },
    };
  const missing =
    lang === def.langs[0] ? allowed.filter((p) => def.placeholders[p] && !used.includes(p)) : [];
  if (missing.length > 0) return { key: "admin.messages.errors.missing", params: { names: braces(missing) } };
  if (/^【[^】]*】/.test(trimmed)) return { key: "admin.messages.errors.signature" };
  return null;
}

/** Puts the values into a text's placeholders (a placeholder without a value becomes empty). */
export function fillTemplate(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{([^{}]*)\}/g, (_, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : "",
  );
}

/** The text of a template in one language: the admin's version when set, else the default. */
export function templateText(overrides: TemplateOverrides, key: TemplateKey, lang: TemplateLang): string {
  const def = templateDef(key);
  return overrides[key]?.[lang] || def.defaults[lang] || "";
}

/** A message from a template: the Chinese text, and the English one after it where the message has one. */
export function renderTemplate(
  overrides: TemplateOverrides,
  key: TemplateKey,
  values: Record<string, string | number>,
): string {
  return templateDef(key)
    .langs.map((lang) => fillTemplate(templateText(overrides, key, lang), values))
    .join("\n\n");
}

/**
 * Every text sent carries the signature and the portal's public address: an SMS starts with the signature
 * (one written by older code is replaced) and ends with the address; an e-mail ends with both.
 */
export function signBody(channel: "sms" | "email", body: string, signature: string, address: string): string {
  const text = body.replace(/^【[^】]*】/, "").trim();
  const withAddress = address && !text.includes(address) ? address : "";
  if (channel === "sms") return `${signature}${text}${withAddress ? ` ${withAddress}` : ""}`;
  // an e-mail signed already (a previewed reminder) keeps its one footer
  const footer = [signature, address].filter(Boolean).join(" ");
  if (text.endsWith(footer)) return text;
  return `${text}\n\n${[signature, withAddress].filter(Boolean).join(" ")}`;
}
