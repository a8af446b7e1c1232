import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every source file of the app (lib/, app/, proxy.ts), without generated code. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/** The names of LIMITS, read from its declaration. */
function declaredLimits(): string[] {
  const declaration = readFileSync("lib/security/rate-limit.ts", "utf8");
  const block = declaration.slice(
    declaration.indexOf("export const LIMITS"),
    declaration.indexOf("} as const"),
  );
  return [...block.matchAll(/^\s{2}(\w+): \{/gm)].map((m) => m[1]);
}

describe("rate limits", () => {
  it("every limit declared in lib/security/rate-limit.ts is used somewhere (none only claimed)", () => {
    const names = declaredLimits();
    expect(names.length).toBeGreaterThan(10);
    const code = [...sources("lib"), ...sources("app"), "proxy.ts"]
      .filter((file) => !file.endsWith(path.join("security", "rate-limit.ts")))
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    const unused = names.filter((name) => !code.includes(`"${name}"`));
    expect(unused).toEqual([]);
  });

  it("every limit is in the table of docs/security.md (the table says it lists every one)", () => {
    const table = readFileSync("docs/security.md", "utf8");
    const missing = declaredLimits().filter((name) => !table.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
