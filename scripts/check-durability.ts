/** Refuses to start when the database would not keep acknowledged writes across a crash (SPEC §11). */
import { createClient, durabilityReport } from "../lib/db/client";

async function main() {
  const client = createClient();
  const report = await durabilityReport(client);
  await client.$disconnect();
  if (!report.ok) {
    console.error(`[start] durability check failed: ${report.detail}`);
    process.exit(1);
  }
  console.log(`[start] durability: ${report.detail}`);
}
void main();
