/**
 * The start check: in production mode (APP_MODE=production) prints one line per missing or weak setting and
 * exits 1; in demo mode prints the mode and exits 0. Run by `npm start` and by the server itself.
 *   npx tsx scripts/check-config.ts
 */
import { parseEnv } from "../lib/env-schema";
import { productionProblems } from "../lib/ops/production-check";

let e;
try {
  e = parseEnv(process.env);
} catch (error) {
  // zod names the variable and the allowed values
  console.error(`[config] invalid setting: ${String((error as Error).message)}`);
  process.exit(1);
}
const problems = productionProblems(e);
if (problems.length > 0) {
  console.error(`[config] APP_MODE=production refuses to start (${problems.length} to fix):`);
  for (const p of problems) console.error(`[config]   ${p}`);
  process.exit(1);
}
console.log(`[config] mode: ${e.APP_MODE}`);
