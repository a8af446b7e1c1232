import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditActionKey, maskStudentNumber } from "@/lib/admin/audit-words";

const root = path.resolve(__dirname, "../../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Every audit action the code writes: the dotted strings on `action:` lines, and the template ones. */
function actionsInCode(): Set<string> {
  const found = new Set<string>();
  for (const file of [...sourceFiles(path.join(root, "lib")), ...sourceFiles(path.join(root, "app"))]) {
    const text = readFileSync(file, "utf8");
    if (!text.includes("audit(") && !text.includes("AuditInsert") && !text.includes("auditEntry")) continue;
    for (const line of text.split("\n")) {
      if (!/\baction:\s/.test(line) || /z\.|filter\.action|entry\.action|h\.action/.test(line)) continue;
      for (const m of line.matchAll(/"([a-z][A-Za-z]*(?:\.[A-Za-z]+)+)"/g)) found.add(m[1]);
      const template = line.match(/`([a-z][A-Za-z.]*)\.\$\{kind\}`/);
      if (template)
        for (const kind of ["college", "major", "classGroup"]) found.add(`${template[1]}.${kind}`);
    }
  }
  return found;
}

function catalogue(locale: string): Record<string, string> {
  const admin = JSON.parse(readFileSync(path.join(root, "lib/i18n/messages", locale, "admin.json"), "utf8"));
  return admin.audit.actionNames;
}

describe("audit log in words", () => {
  const actions = actionsInCode();

  it("finds the actions the code writes", () => {
    expect(actions.size).toBeGreaterThan(40);
    expect(actions).toContain("correction.provincialDecision");
    expect(actions).toContain("staff.disable");
    expect(actions).toContain("organisation.rename.major");
  });

  it.each(["zh-CN", "en"])("names every action in %s", (locale) => {
    const names = catalogue(locale);
    const missing = [...actions].filter((a) => !names[auditActionKey(a)]);
    expect(missing).toEqual([]);
  });

  it.each([
    ["202301010004", "2023*****004"],
    ["E2E1234567", "E2E1***567"],
    ["1234567", "1******"],
    ["12345", "1****"],
    ["", ""],
  ])("masks the 学号 %s as %s", (input, masked) => {
    expect(maskStudentNumber(input)).toBe(masked);
  });
});
