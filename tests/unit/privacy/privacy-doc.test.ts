import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLE_PERMISSIONS } from "@/lib/auth/policy";
import { DATA_KINDS, PERMISSIONS_WITHOUT_PERSONAL_DATA } from "@/lib/privacy/inventory";
import { accessTable, MARKERS, renderDocument } from "@/lib/privacy/table";
import { retentionSchema } from "@/lib/settings";

const DOC = path.resolve(__dirname, "../../../docs/privacy.md");

describe("docs/privacy.md", () => {
  it("carries the tables generated from lib/auth/policy.ts and the retention settings (npm run privacy:table)", () => {
    const doc = readFileSync(DOC, "utf8");
    expect(renderDocument(doc, retentionSchema.parse({}))).toBe(doc);
  });

  it("goes stale when the permission matrix changes", () => {
    const doc = renderDocument(readFileSync(DOC, "utf8"), retentionSchema.parse({}));
    ROLE_PERMISSIONS.admin.add("identityPhoto.view");
    try {
      expect(renderDocument(doc, retentionSchema.parse({}))).not.toBe(doc);
      expect(accessTable()).toMatch(
        /Admin[^\n]*\n[\s\S]*Hand-held ID photos[^\n]*full \(`identityPhoto\.view`[^\n]*full/,
      );
    } finally {
      ROLE_PERMISSIONS.admin.delete("identityPhoto.view");
    }
  });

  it("goes stale when a retention default changes", () => {
    const doc = renderDocument(readFileSync(DOC, "utf8"), retentionSchema.parse({}));
    expect(renderDocument(doc, { idPhotoDays: 30, evidenceDays: 180 })).toContain(
      "30 days after the case closes",
    );
    expect(renderDocument(doc, { idPhotoDays: 30, evidenceDays: 180 })).not.toBe(doc);
  });

  it("refuses a document without its markers", () => {
    expect(() => renderDocument("# no markers", { idPhotoDays: 90, evidenceDays: 180 })).toThrow(
      MARKERS.access[0],
    );
  });

  it("names only permissions the policy defines, and every kind has a purpose, basis and protection", () => {
    for (const kind of DATA_KINDS) {
      for (const a of kind.access) expect(PERMISSIONS).toContain(a.permission);
      expect(kind.purpose && kind.basis && kind.protection && kind.afterClosure).toBeTruthy();
    }
  });
});

describe("lib/privacy/inventory.ts", () => {
  it("accounts for every permission of the policy: named with the data it opens, or listed as opening none", () => {
    const named = new Set(DATA_KINDS.flatMap((kind) => kind.access.map((a) => a.permission)));
    const without = new Set(Object.keys(PERMISSIONS_WITHOUT_PERSONAL_DATA));
    const unaccounted = PERMISSIONS.filter((p) => !named.has(p) && !without.has(p));
    expect(unaccounted).toEqual([]);
    expect([...without].filter((p) => named.has(p as (typeof PERMISSIONS)[number]))).toEqual([]);
  });
});
