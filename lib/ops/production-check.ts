import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import type { Env } from "../env-schema";

/**
 * What production mode (APP_MODE=production) refuses to start without. Each problem is one line naming the
 * variable and what to do; the start command (scripts/start.ts) and the server (scripts/serve.ts) print
 * them all and exit before touching the database or opening a port. Demo mode has no requirements.
 */
export const SECRET_VARIABLES = [
  ["NEXTAUTH_SECRET", "the session secret"],
  ["DATA_ENCRYPTION_KEY", "the ID-number encryption key"],
  ["BLIND_INDEX_KEY", "the ID-number lookup (blind index) key"],
] as const;

const MIN_SECRET_BYTES = 32;
const GENERATE = "generate one with: openssl rand -base64 32";

/**
 * SHA-256 of values that were ever published as development secrets (the constant earlier versions fell
 * back to): whoever has the source knows them, so they are never accepted.
 */
const DEVELOPMENT_VALUE_DIGESTS = new Set([
  "fe56e5c8c0f21d9b67594a7524d31ab45126bef495e716a57e2f062d529cca46",
]);
const digest = (value: string) => createHash("sha256").update(value).digest("hex");

/** The secret's bytes when written as hex or base64 / base64url (as `openssl rand` prints them). */
export function secretBytes(value: string): Buffer | null {
  const trimmed = value.trim();
  if (/^[0-9a-fA-F]+$/.test(trimmed) && trimmed.length % 2 === 0) return Buffer.from(trimmed, "hex");
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return Buffer.from(trimmed, "base64");
  return null;
}

function secretProblem(
  name: string,
  what: string,
  value: string | undefined,
  known: Set<string>,
): string | null {
  if (!value) return `${name} is not set: ${what} is required in production (${GENERATE})`;
  const bytes = secretBytes(value);
  if (!bytes)
    return `${name} is not hex or base64: ${what} must be ≥ ${MIN_SECRET_BYTES} random bytes (${GENERATE})`;
  if (bytes.length < MIN_SECRET_BYTES) {
    return `${name} is too short (${bytes.length} bytes): ${what} must be ≥ ${MIN_SECRET_BYTES} random bytes (${GENERATE})`;
  }
  if (DEVELOPMENT_VALUE_DIGESTS.has(digest(value.trim())) || known.has(value.trim())) {
    return `${name} is a development value: ${what} must be a new random value (${GENERATE})`;
  }
  // Random 32 bytes have ~31 distinct values; a repeated pattern ("aaaa…", "0101…") has a handful.
  if (new Set(bytes).size < 16) return `${name} is not random (repeating bytes): ${GENERATE}`;
  return null;
}

/** Values of the demo secrets file, if one exists where this install keeps it: never valid in production. */
function demoValues(file: string): Set<string> {
  try {
    if (!existsSync(file)) return new Set();
    return new Set(Object.values(JSON.parse(readFileSync(file, "utf8")) as Record<string, string>));
  } catch {
    return new Set();
  }
}

export function productionProblems(e: Env): string[] {
  if (e.APP_MODE !== "production") return [];
  const problems: string[] = [];
  const known = demoValues(e.SECRETS_FILE);

  const seen = new Map<string, string>();
  for (const [name, what] of SECRET_VARIABLES) {
    const value = e[name];
    const problem = secretProblem(name, what, value, known);
    if (problem) problems.push(problem);
    else if (value && seen.has(value.trim())) {
      problems.push(
        `${name} is the same as ${seen.get(value.trim())}: each secret must be its own random value`,
      );
    }
    if (value) seen.set(value.trim(), name);
  }

  if (!e.NEXTAUTH_URL) {
    problems.push(
      "NEXTAUTH_URL is not set: the public https:// address of the portal is required in production",
    );
  } else {
    let url: URL | null = null;
    try {
      url = new URL(e.NEXTAUTH_URL);
    } catch {
      problems.push(`NEXTAUTH_URL is not a URL: set the public https:// address of the portal`);
    }
    if (url && url.protocol !== "https:") {
      problems.push("NEXTAUTH_URL must start with https:// in production (cookies are only safe over TLS)");
    }
  }

  if (e.SMS_PROVIDER !== "aliyun") {
    problems.push(
      "SMS_PROVIDER must be aliyun in production: the outbox only stores messages, no student gets a code",
    );
  } else {
    for (const name of [
      "SMS_ALIYUN_ACCESS_KEY_ID",
      "SMS_ALIYUN_ACCESS_KEY_SECRET",
      "SMS_ALIYUN_SIGN_NAME",
      "SMS_ALIYUN_TEMPLATE_CODE",
    ] as const) {
      if (!e[name]) problems.push(`${name} is not set: SMS_PROVIDER=aliyun needs it`);
    }
  }

  if (e.EMAIL_PROVIDER !== "smtp") {
    problems.push(
      "EMAIL_PROVIDER must be smtp in production: the outbox only stores messages, no e-mail is sent",
    );
  } else if (!e.SMTP_URL) {
    problems.push(
      "SMTP_URL is not set: EMAIL_PROVIDER=smtp needs it (smtps://user:pass@smtp.example.edu.cn:465)",
    );
  } else if (!/^smtps?:\/\/[^/]+/.test(e.SMTP_URL)) {
    problems.push("SMTP_URL must be an smtp:// or smtps:// address");
  }

  if (e.DEV_OUTBOX === "1") {
    problems.push(
      "DEV_OUTBOX=1 is not allowed in production: it lets anyone read the codes sent to any phone",
    );
  }
  return problems;
}
