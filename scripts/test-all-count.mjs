/**
 * Helper of scripts/test-all.sh: reads a Vitest or Playwright JSON report and prints
 *   <passed> <failed>
 * on the first line (and, after them, how many were skipped or did not run), then the names of failed tests
 * (one per line, prefixed "  ✗ ").
 * A report that is missing or unreadable counts as one failure (the runner crashed before reporting).
 *   node scripts/test-all-count.mjs vitest|playwright <report.json>
 */
import { existsSync, readFileSync } from "node:fs";

const [kind, file] = process.argv.slice(2);

function print(passed, failed, names, skipped = 0) {
  console.log(`${passed} ${failed} ${skipped}`);
  for (const name of names.slice(0, 60)) console.log(`  ✗ ${name}`);
  if (names.length > 60) console.log(`  … and ${names.length - 60} more`);
}

if (!file || !existsSync(file)) {
  print(0, 1, [`${kind}: no report written (the runner failed before running tests)`]);
  process.exit(0);
}

let report;
try {
  report = JSON.parse(readFileSync(file, "utf8"));
} catch {
  print(0, 1, [`${kind}: unreadable report ${file}`]);
  process.exit(0);
}

if (kind === "vitest") {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const names = [];
  for (const fileResult of report.testResults ?? []) {
    const relative = String(fileResult.name ?? "").replace(`${process.cwd()}/`, "");
    let failedHere = 0;
    for (const assertion of fileResult.assertionResults ?? []) {
      if (assertion.status === "passed") passed++;
      else if (
        assertion.status === "skipped" ||
        assertion.status === "pending" ||
        assertion.status === "todo"
      )
        skipped++;
      else if (assertion.status === "failed") {
        failed++;
        failedHere++;
        names.push(`${relative} › ${assertion.fullName ?? assertion.title}`);
      }
    }
    // A file that failed to load or whose hooks failed has no failed test of its own: count it once.
    if (fileResult.status === "failed" && failedHere === 0) {
      failed++;
      names.push(
        `${relative} (file failed: ${String(fileResult.message ?? "")
          .split("\n")[0]
          .slice(0, 200)})`,
      );
    }
  }
  if (report.success === false && failed === 0) {
    failed = 1;
    names.push("vitest reported failure without a failed test (unhandled error?)");
  }
  print(passed, failed, names, skipped);
} else if (kind === "playwright") {
  const names = [];
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const title = [...path, spec.title].filter(Boolean).join(" › ");
        if (test.status === "expected" || test.status === "flaky") passed++;
        else if (test.status === "skipped") skipped++;
        else if (test.status === "unexpected") {
          failed++;
          names.push(`[${test.projectName}] ${spec.file}:${spec.line} › ${title}`);
        }
      }
    }
    for (const child of suite.suites ?? [])
      walk(child, [...path, child.file === child.title ? "" : child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  // Errors outside tests (web server did not start, a spec failed to load) count once each.
  for (const error of report.errors ?? []) {
    failed++;
    names.push(
      `playwright: ${String(error.message ?? error)
        .split("\n")[0]
        .slice(0, 200)}`,
    );
  }
  print(passed, failed, names, skipped);
} else {
  console.error("usage: node scripts/test-all-count.mjs vitest|playwright <report.json>");
  process.exit(2);
}
