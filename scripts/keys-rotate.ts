/**
 * Re-encrypts and re-indexes every stored ID number with the current keys (docs/operations.md, "Rotating
 * the ID-number keys"). Run with the new keys in DATA_ENCRYPTION_KEY / BLIND_INDEX_KEY and the old ones in
 * DATA_ENCRYPTION_KEY_PREVIOUS / BLIND_INDEX_KEY_PREVIOUS; safe to interrupt and run again.
 *   npm run keys:rotate
 */
import { db } from "@/lib/db";
import { rotateIdNumberKeys, rowsLeftToRotate } from "@/lib/ops/rotate-keys";
import { secretSettings } from "@/lib/env";

async function main(): Promise<number> {
  const s = secretSettings();
  if (!s.DATA_ENCRYPTION_KEY_PREVIOUS && !s.BLIND_INDEX_KEY_PREVIOUS) {
    console.error(
      "keys:rotate: set DATA_ENCRYPTION_KEY_PREVIOUS and BLIND_INDEX_KEY_PREVIOUS to the old keys and the new keys in DATA_ENCRYPTION_KEY and BLIND_INDEX_KEY",
    );
    return 2;
  }
  const started = Date.now();
  const report = await rotateIdNumberKeys(db, {
    onProgress: (table, rows) => {
      if (rows % 10_000 === 0) console.log(`  ${table}: ${rows} rows looked at`);
    },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `keys:rotate: ${report.rowsUpdated} rows re-encrypted/re-indexed, ${report.rowsCurrent} already current, ${report.unreadable} values readable with neither key (${seconds} s)`,
  );
  for (const [table, rows] of Object.entries(report.perTable)) console.log(`  ${table}: ${rows}`);
  if (report.hashesCleared > 0) {
    console.log(
      `keys:rotate: ${report.hashesCleared} 考生号 hashes cleared (the numbers are not stored, so they cannot be hashed with the new key): import the roster with its 考生号 column again to restore them`,
    );
  }
  const left = await rowsLeftToRotate(db);
  if (left > 0 || report.unreadable > 0) {
    console.error(
      `keys:rotate: ${left} rows still to do: run it again (keep both keys set until it reports 0)`,
    );
    return 1;
  }
  console.log("keys:rotate: done. Remove the *_PREVIOUS variables and restart every instance.");
  return 0;
}

main()
  .then((code) => (process.exitCode = code))
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
