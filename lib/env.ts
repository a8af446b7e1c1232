import "server-only";
import { z } from "zod";

/**
 * Every environment variable the product reads, validated once. Defaults make `npm start` work with no
 * configuration; production (NODE_ENV=production without DEMO_MODE) refuses development secrets.
 */
const schema = z.object({
  DATABASE_URL: z.string().default("file:./data/app.db"),
  APP_SECRET: z.string().optional(),
  NEXTAUTH_SECRET: z.string().optional(),
  NEXTAUTH_URL: z.string().optional(),
  DATA_ENCRYPTION_KEY: z.string().optional(),
  BLIND_INDEX_KEY: z.string().optional(),
  UPLOADS_DIR: z.string().default("./data/uploads"),
  DEMO_MODE: z.enum(["0", "1"]).default("1"),
  DEV_OUTBOX: z.enum(["0", "1"]).default("0"),
  SMS_PROVIDER: z.enum(["outbox", "aliyun"]).default("outbox"),
  SMS_ALIYUN_ENDPOINT: z.string().default("https://dysmsapi.aliyuncs.com/"),
  SMS_ALIYUN_ACCESS_KEY_ID: z.string().optional(),
  SMS_ALIYUN_ACCESS_KEY_SECRET: z.string().optional(),
  SMS_ALIYUN_SIGN_NAME: z.string().optional(),
  SMS_ALIYUN_TEMPLATE_CODE: z.string().optional(),
  EMAIL_PROVIDER: z.enum(["outbox", "smtp"]).default("outbox"),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("学籍自查 <no-reply@example.edu.cn>"),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  TRUST_PROXY: z.enum(["0", "1"]).default("0"),
});

export type Env = z.infer<typeof schema>;

let parsed: Env | undefined;
export function env(): Env {
  parsed ??= schema.parse(process.env);
  return parsed;
}

/**
 * Client secrets of the external sign-in providers (admin settings → 外部登录): one variable per provider,
 * named after its slug — provider `campus-sso` reads OIDC_CAMPUS_SSO_CLIENT_SECRET. They are not in the
 * schema above because the admin adds providers at run time; the pattern is validated here instead.
 */
export const OIDC_CLIENT_SECRET_PATTERN = /^OIDC_[A-Z0-9_]+_CLIENT_SECRET$/;
const oidcSecretSchema = z.string().min(1).max(4096);

export function oidcClientSecretVariable(slug: string): string {
  return `OIDC_${slug.toUpperCase().replace(/[^A-Z0-9]/g, "_")}_CLIENT_SECRET`;
}

/** The provider's client secret, or undefined when its variable is unset or empty. */
export function oidcClientSecret(slug: string): string | undefined {
  const name = oidcClientSecretVariable(slug);
  if (!OIDC_CLIENT_SECRET_PATTERN.test(name)) return undefined;
  const parsed = oidcSecretSchema.safeParse(process.env[name]);
  return parsed.success ? parsed.data : undefined;
}

export const isDemoMode = () => env().DEMO_MODE === "1";
export const devOutboxEnabled = () => env().DEV_OUTBOX === "1";
