/**
 * Writes the generated tables of docs/privacy.md (who can see what, from lib/auth/policy.ts; how long each
 * kind is kept, from the retention settings' defaults).  `--check` only reports whether the file is current
 * (exit 1 when stale); the unit test tests/unit/privacy/privacy-doc.test.ts runs the same check.
 *
 *   npm run privacy:table [-- --check]
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { retentionSchema } from "@/lib/settings";
import { renderDocument } from "@/lib/privacy/table";

const file = path.resolve(__dirname, "..", "docs", "privacy.md");
const current = readFileSync(file, "utf8");
const next = renderDocument(current, retentionSchema.parse({}));
if (process.argv.includes("--check")) {
  if (next !== current) {
    console.error("docs/privacy.md is stale: run npm run privacy:table");
    process.exit(1);
  }
  console.log("docs/privacy.md is up to date");
} else if (next !== current) {
  writeFileSync(file, next);
  console.log("docs/privacy.md updated");
} else {
  console.log("docs/privacy.md is up to date");
}
