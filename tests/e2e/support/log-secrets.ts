/**
 * Test-only helper for tests/e2e/zz-logs.spec.ts, run with tsx against the e2e database (DATABASE_URL as
 * tests/e2e/support/identity-fixtures.ts names it; same keys from the same environment): prints, as JSON,
 * every ID number the database holds (decrypted) and every code the portal sent by SMS or e-mail — the
 * values no log line may contain.
 */
import { createClient } from "../../../lib/db/client";
import { decrypt } from "../../../lib/security/crypto";

async function main() {
  const db = createClient();
  const idNumbers = new Set<string>();
  const open = (sealed: string | null) => {
    if (!sealed) return;
    try {
      idNumbers.add(decrypt(sealed));
    } catch {
      // not readable with these keys: nothing to look for
    }
  };
  for (const a of await db.account.findMany({ select: { idNumberEnc: true } })) open(a.idNumberEnc);
  for (const r of await db.enrollmentRecord.findMany({ select: { idNumberEnc: true } })) open(r.idNumberEnc);
  for (const c of await db.identityCase.findMany({ select: { requestedIdEnc: true, beforeIdEnc: true } })) {
    open(c.requestedIdEnc);
    open(c.beforeIdEnc);
  }
  const messages = await db.outboundMessage.findMany({ select: { code: true, body: true } });
  const codes = new Set<string>();
  for (const m of messages) {
    if (m.code) codes.add(m.code);
    for (const match of m.body.matchAll(/(?<!\d)\d{6}(?!\d)/g)) codes.add(match[0]);
  }
  console.log(JSON.stringify({ idNumbers: [...idNumbers], codes: [...codes] }));
  await db.$disconnect();
}

void main();
