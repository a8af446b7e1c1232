/**
 * Recounts the dashboards' summary (ProgressSummary) of every campaign from the records:
 *   npm run progress:rebuild [-- --if-empty]
 * The summary is kept by every write (lib/progress/summary.ts); this is for after a crash between a write
 * and its count, after restoring a backup, or to check. --if-empty recounts only when the table is empty
 * while campaigns exist (the start command: a database migrated from before the table existed).
 */
import { parseArgs } from "node:util";
import { createClient } from "../lib/db/client";
import { databaseUrl, providerOf } from "../lib/db/provider";
import { rebuildProgress } from "../lib/progress/summary";

async function main() {
  const { values } = parseArgs({ options: { "if-empty": { type: "boolean", default: false } } });
  const client = createClient(databaseUrl());
  try {
    if (values["if-empty"]) {
      const [rows, campaigns] = await Promise.all([client.progressSummary.count(), client.campaign.count()]);
      if (rows > 0 || campaigns === 0) return;
    }
    const started = performance.now();
    const rows = await rebuildProgress({ client });
    console.log(
      `[progress] summary recounted (${providerOf(databaseUrl())}): ${rows} rows in ${Math.round(performance.now() - started)} ms`,
    );
  } finally {
    await client.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
