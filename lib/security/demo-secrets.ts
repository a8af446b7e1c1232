import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, openSync, readFileSync, writeSync, closeSync } from "node:fs";
import path from "node:path";

/**
 * Demo mode's secrets: made from the CSPRNG the first time they are needed and kept with the data
 * (data/secrets.json, mode 0600), so every demo install has its own keys and no key lives in the source.
 * Production mode never reads this file: its secrets come from the environment (lib/ops/production-check.ts).
 */
export type DemoSecrets = {
  sessionSecret: string;
  dataEncryptionKey: string;
  blindIndexKey: string;
  appSecret: string;
};

const FIELDS = ["sessionSecret", "dataEncryptionKey", "blindIndexKey", "appSecret"] as const;
const loaded = new Map<string, DemoSecrets>();

function fresh(): DemoSecrets {
  const make = () => randomBytes(32).toString("base64url");
  return { sessionSecret: make(), dataEncryptionKey: make(), blindIndexKey: make(), appSecret: make() };
}

function parse(file: string): DemoSecrets {
  const data = JSON.parse(readFileSync(file, "utf8")) as Partial<DemoSecrets>;
  for (const field of FIELDS) {
    if (typeof data[field] !== "string" || data[field].length < 43) {
      throw new Error(
        `${file} is damaged (${field} missing): restore it from a backup or delete the demo data`,
      );
    }
  }
  return data as DemoSecrets;
}

/** Reads the secrets file, creating it (exclusively, so two processes starting at once agree) if absent. */
export function demoSecrets(file: string): DemoSecrets {
  // called for every value a bulk import seals: the cache is looked up before resolving the path
  const seen = `${process.cwd()}\u0000${file}`;
  const hit = loaded.get(seen);
  if (hit) return hit;
  const absolute = path.resolve(file);
  const cached = loaded.get(absolute);
  if (cached) {
    loaded.set(seen, cached);
    return cached;
  }
  mkdirSync(path.dirname(absolute), { recursive: true });
  let secrets: DemoSecrets;
  try {
    const fd = openSync(absolute, "wx", 0o600);
    secrets = fresh();
    try {
      writeSync(fd, JSON.stringify(secrets, null, 2) + "\n");
    } finally {
      closeSync(fd);
    }
    chmodSync(absolute, 0o600); // whatever the umask
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    secrets = readWhenComplete(absolute);
  }
  loaded.set(absolute, secrets);
  loaded.set(seen, secrets);
  return secrets;
}

/** Another process may have created the file a moment ago and still be writing it. */
function readWhenComplete(file: string): DemoSecrets {
  for (let attempt = 0; ; attempt++) {
    try {
      return parse(file);
    } catch (e) {
      if (attempt >= 20) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
    }
  }
}
