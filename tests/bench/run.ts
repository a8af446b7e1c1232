/**
 * Runs every benchmark of this folder one after the other (npm run bench): import, progress, export, pages and
 * sign-in when tests/bench/sign-in.ts exists. Each prints its own figures.
 */
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

const benches = ["import", "progress", "export", "pages", "sign-in"].filter((name) =>
  existsSync(`tests/bench/${name}.ts`),
);
let failed = 0;
for (const name of benches) {
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(
    "npx",
    ["tsx", "--conditions=react-server", `tests/bench/${name}.ts`, ...process.argv.slice(2)],
    { stdio: "inherit" },
  );
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
