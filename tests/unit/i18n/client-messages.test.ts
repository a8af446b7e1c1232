import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pickMessages } from "@/lib/i18n/pick";

/**
 * Client components get only the catalogue namespaces handed to them by <ClientMessages namespaces=…>
 * (components/i18n/ClientMessages.tsx). A namespace missing there shows the raw key in the browser, so
 * this reads the sources: every file that renders a client component must list, in its ClientMessages
 * namespaces, everything that component and the client components it renders translate. A file without
 * "use client" that a client component imports runs in the browser too: it cannot wrap anything itself, and
 * what it translates counts for the client component that renders it.
 */
const ROOT = path.resolve(__dirname, "../../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

const files = [...sourceFiles(path.join(ROOT, "app")), ...sourceFiles(path.join(ROOT, "components"))];
const source = new Map(files.map((f) => [f, readFileSync(f, "utf8")]));
const marksClient = (file: string) => /^\s*["']use client["']/.test(source.get(file) ?? "");

/** Modules a file imports (values, not `import type`), resolved to files of app/ and components/. */
function importsOf(file: string): string[] {
  const text = source.get(file) ?? "";
  const found: string[] = [];
  for (const m of text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+"([^"]+)"/gms)) {
    const spec = m[1];
    const base = spec.startsWith("@/")
      ? path.join(ROOT, spec.slice(2))
      : spec.startsWith(".")
        ? path.resolve(path.dirname(file), spec)
        : null;
    if (!base) continue;
    const resolved = [`${base}.tsx`, `${base}.ts`].find((f) => source.has(f));
    if (resolved) found.push(resolved);
  }
  return found;
}

/** Files that run in the browser: marked "use client", or imported by such a file (they join its bundle). */
const clientSide = (() => {
  const found = new Set(files.filter(marksClient));
  const queue = [...found];
  while (queue.length > 0) {
    for (const dep of importsOf(queue.pop() as string)) {
      if (found.has(dep)) continue;
      found.add(dep);
      queue.push(dep);
    }
  }
  return found;
})();
const isClient = (file: string) => clientSide.has(file);

function translatedNamespaces(file: string): string[] {
  const text = source.get(file) ?? "";
  const namespaces = [...text.matchAll(/useTranslations\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1]);
  if (/useTranslations\(\s*\)/.test(text)) namespaces.push("");
  return namespaces;
}

/** What a client component translates, with the client components it renders. */
function clientNeeds(file: string, seen = new Set<string>()): Set<string> {
  const needs = new Set(translatedNamespaces(file));
  seen.add(file);
  for (const dep of importsOf(file)) {
    if (!isClient(dep) || seen.has(dep)) continue;
    for (const ns of clientNeeds(dep, seen)) needs.add(ns);
  }
  return needs;
}

function declaredNamespaces(file: string): string[] {
  const text = source.get(file) ?? "";
  return [...text.matchAll(/namespaces=\{\[([^\]]*)\]\}/g)].flatMap((m) =>
    [...m[1].matchAll(/"([^"]+)"/g)].map((n) => n[1]),
  );
}

const covers = (declared: string, needed: string) =>
  needed !== "" && (declared === needed || needed.startsWith(`${declared}.`));

describe("client components' messages", () => {
  const serverFiles = files.filter((f) => !isClient(f));
  const cases = serverFiles
    .map((file) => {
      const needed = new Set<string>();
      for (const dep of importsOf(file)) if (isClient(dep)) for (const ns of clientNeeds(dep)) needed.add(ns);
      return {
        file: path.relative(ROOT, file),
        needed: [...needed].sort(),
        declared: declaredNamespaces(file),
      };
    })
    .filter((c) => c.needed.length > 0);

  it("finds the files that render translated client components", () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  it.each(cases)("$file hands its client components the namespaces they read", ({ needed, declared }) => {
    const missing = needed.filter((ns) => !declared.some((d) => covers(d, ns)));
    expect(missing).toEqual([]);
  });

  it("ClientMessages is rendered only by files that run on the server (it reads the request's catalogue)", () => {
    const inBrowser = [...clientSide].filter((f) => /<ClientMessages\b/.test(source.get(f) ?? ""));
    expect(inBrowser.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it("the root layout sends no messages of its own", () => {
    const layout = source.get(path.join(ROOT, "app/layout.tsx")) ?? "";
    expect(layout).toMatch(/<NextIntlClientProvider messages=\{null\}>/);
  });
});

describe("pickMessages", () => {
  const catalogue = {
    record: { title: "学籍", selfCheck: { confirm: "确认无误", jump: "去确认" } },
    signIn: { title: "登录" },
    common: { file: { choose: "选择文件" }, appName: "学籍自查" },
  };

  it("keeps whole namespaces and nested parts, nested as in the catalogue", () => {
    expect(pickMessages(catalogue, ["signIn", "record.selfCheck", "common.file"])).toEqual({
      signIn: { title: "登录" },
      record: { selfCheck: { confirm: "确认无误", jump: "去确认" } },
      common: { file: { choose: "选择文件" } },
    });
  });

  it("merges two parts of one namespace and leaves out paths that name nothing", () => {
    expect(pickMessages(catalogue, ["record.selfCheck", "record.title", "nothing.here"])).toEqual({
      record: { selfCheck: { confirm: "确认无误", jump: "去确认" }, title: "学籍" },
    });
  });

  it("a namespace after one of its parts wins whole", () => {
    expect(pickMessages(catalogue, ["record.title", "record"])).toEqual({ record: catalogue.record });
  });
});
