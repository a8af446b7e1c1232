/**
 * `npx tsx scripts/zh-punctuation.ts [--check]`: Chinese text in the zh-CN catalogues uses full-width
 * punctuation (，。：；？！（）) and one form of address (您). Rewrites half-width , : ; ? ! ( ) that sit in
 * Chinese text; --check only lists what it would change (tests/unit/i18n/zh-style.test.ts holds the rule).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fullWidthPunctuation } from "../lib/i18n/zh-style";

const dir = path.resolve(__dirname, "../lib/i18n/messages/zh-CN");
const check = process.argv.includes("--check");
let changed = 0;

function walk(value: unknown, at: string): unknown {
  if (typeof value === "string") {
    const next = fullWidthPunctuation(value).replace(/你/g, "您");
    if (next !== value) {
      changed++;
      if (check) console.log(`${at}\n  - ${value}\n  + ${next}`);
    }
    return next;
  }
  if (Array.isArray(value)) return value.map((v, i) => walk(v, `${at}[${i}]`));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, `${at}.${k}`)]));
  return value;
}

for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
  const full = path.join(dir, file);
  const next = walk(JSON.parse(readFileSync(full, "utf8")), file.replace(/\.json$/, ""));
  if (!check) writeFileSync(full, `${JSON.stringify(next, null, 2)}\n`);
}
console.log(`${changed} string(s) ${check ? "would change" : "changed"}`);
if (check && changed > 0) process.exitCode = 1;
