import { z } from "zod";

/**
 * Every environment variable the product reads, validated once. Defaults make `npm start` work with no
 * configuration (demo mode); APP_MODE=production refuses to start without real secrets and providers
 * (lib/ops/production-check.ts). Kept free of "server-only" so the Node server wrapper (scripts/serve.ts)
 * and the command-line scripts read the same settings; application code imports it through lib/env.ts.
 */
export const envSchema = z.object({
  /** demo: the quick start's demo university, banner, generated secrets. production: real deployment. */
  APP_MODE: z.enum(["demo", "production"]).default("demo"),
  DATABASE_URL: z.string().default("file:./data/app.db"),
  APP_SECRET: z.string().optional(),
  NEXTAUTH_SECRET: z.string().optional(),
  NEXTAUTH_URL: z.string().optional(),
  DATA_ENCRYPTION_KEY: z.string().optional(),
  BLIND_INDEX_KEY: z.string().optional(),
  /** During a key rotation (npm run keys:rotate): the keys being replaced, still accepted for reading. */
  DATA_ENCRYPTION_KEY_PREVIOUS: z.string().optional(),
  BLIND_INDEX_KEY_PREVIOUS: z.string().optional(),
  /** Demo mode only: where the secrets generated on first start are kept (mode 0600). */
  SECRETS_FILE: z.string().default("./data/secrets.json"),
  UPLOADS_DIR: z.string().default("./data/uploads"),
  BACKUP_DIR: z.string().default("./backups"),
  /** Legacy switch inside demo mode: 0 makes demo staff change their password. Production implies 0. */
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
  PORT: z.coerce.number().int().positive().default(3000),
  HOSTNAME: z.string().default("0.0.0.0"),
  /** Name of this app instance in the request log (default: host name and port). */
  INSTANCE_ID: z.string().optional(),
  /** PostgreSQL connections per app instance. */
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
  /**
   * 1: statements are sent to PostgreSQL as named prepared statements (lib/db/pg-statements.ts). 0 for a
   * connection pooler in transaction mode that does not carry them (docs/operations.md).
   */
  DATABASE_PREPARED_STATEMENTS: z.enum(["0", "1"]).default("1"),
  /** The university's name until the admin sets one (settings); also the demo seed's school. */
  SCHOOL_NAME: z.string().optional(),
  /** argon2id cost (docs/security.md). */
  ARGON2_MEMORY_KIB: z.coerce.number().int().positive().default(19456),
  ARGON2_TIME_COST: z.coerce.number().int().positive().default(2),
  /** Demo seed: password of the seeded staff accounts, and the size of the generated university. */
  DEMO_STAFF_PASSWORD: z.string().optional(),
  SEED_STUDENTS: z.coerce.number().int().positive().optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Parses a set of variables (process.env by default); empty strings count as unset. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  return envSchema.parse(cleaned);
}

export const isProductionEnv = (e: Env) => e.APP_MODE === "production";
