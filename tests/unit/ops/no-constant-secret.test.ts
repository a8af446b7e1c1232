import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mjs|sh)$/.test(e.name) && !e.parentPath.includes("generated"))
    .map((e) => path.join(e.parentPath, e.name));
}

describe("no secret is a constant in the source", () => {
  it("the code reads keys from the environment or demo mode's generated file, never from a literal", () => {
    const files = ["lib", "app", "scripts", "prisma"].flatMap(sources);
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.filter((f) =>
      /do-not-use-in-production|development-only-secret/.test(readFileSync(f, "utf8")),
    );
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
