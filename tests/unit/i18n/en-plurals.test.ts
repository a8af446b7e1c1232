import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";

/**
 * English counts agree with their number: every message of the English catalogue is rendered with each of
 * its arguments set to 1 and to 2 (select arguments to their `other` case), and the text after each number
 * is read. "1 students", "1 entries", "2 field" and "field(s)" are what a message without an ICU plural
 * ({count, plural, one {# student} other {# students}}) prints: after 1 a word ending in s, after 2 a word
 * whose plural the catalogue uses elsewhere. Generic over the catalogue: a new message is checked without
 * being listed here.
 */
const DIR = path.join(__dirname, "../../../lib/i18n/messages/en");

function strings(value: unknown, at: string): [string, string][] {
  if (typeof value === "string") return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => strings(v, `${at}.${k}`));
  return [];
}

const catalogue = readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .flatMap((f) => strings(JSON.parse(readFileSync(path.join(DIR, f), "utf8")), f.replace(/\.json$/, "")));

/** Every argument of a message with the value to render it with (numbers for all but select). */
function argumentsOf(elements: MessageFormatElement[], n: number, into: Record<string, unknown> = {}) {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.plural) into[el.value] ??= n;
    else if (el.type === TYPE.date || el.type === TYPE.time) into[el.value] ??= new Date(0);
    else if (el.type === TYPE.select) into[el.value] ??= "other";
    if (el.type === TYPE.select || el.type === TYPE.plural)
      for (const option of Object.values(el.options)) argumentsOf(option.value, n, into);
  }
  return into;
}

function render(text: string, n: number): string | null {
  const elements = parse(text, { ignoreTag: true });
  const values = argumentsOf(elements, n);
  if (Object.keys(values).length === 0) return null;
  return String(new IntlMessageFormat(text, "en", undefined, { ignoreTag: true }).format(values));
}

/** Words ending in s that are not plurals, and words that may follow a number without being a noun. */
const NOT_PLURAL = new Set([
  "is",
  "was",
  "has",
  "its",
  "this",
  "as",
  "us",
  "yes",
  "status",
  "class",
  "campus",
  "asks",
]);

/** Words that may follow a number without being its noun (Page 2 of 2, 2 in all, Is 2 your classmate?). */
const NOT_NOUN = new Set(["in", "on", "at", "of", "to", "and", "or", "your", "demo"]);

/** Every word of the English catalogue: a word after "2" is a singular noun when its plural is one of them. */
const WORDS = new Set(catalogue.flatMap(([, text]) => text.toLowerCase().match(/\p{L}+/gu) ?? []));
const hasPlural = (w: string) =>
  WORDS.has(`${w}s`) || WORDS.has(`${w}es`) || (w.endsWith("y") && WORDS.has(`${w.slice(0, -1)}ies`));

/** The two words right after each standalone number in a text ("request", "correction requests"). */
function wordsAfter(text: string, n: number): string[][] {
  const word = "\\p{L}[\\p{L}'-]*";
  return [...text.matchAll(new RegExp(`(?<![\\w.:/-])${n} (${word})(?: (${word}))?`, "gu"))].map((m) => [
    m[1],
    m[2] ?? "",
  ]);
}

function problemsOf(key: string, text: string): string[] {
  const one = render(text, 1);
  const two = render(text, 2);
  if (one === null || two === null) return [];
  const problems: string[] = [];
  if (/\(s\)|\(es\)/.test(one)) problems.push(`${key}: "(s)" instead of a plural: ${one}`);
  const afterOne = wordsAfter(one, 1);
  for (const [word] of afterOne) {
    const w = word.toLowerCase();
    const acronym = word === word.toUpperCase();
    if (!acronym && w.length > 2 && w.endsWith("s") && !w.endsWith("ss") && !NOT_PLURAL.has(w))
      problems.push(`${key}: "1 ${word}": ${one}`);
  }
  wordsAfter(two, 2).forEach(([word, next], i) => {
    const w = word.toLowerCase();
    const same = afterOne[i]?.[0] === word && afterOne[i]?.[1] === next;
    if (same && !w.endsWith("s") && !NOT_NOUN.has(w) && hasPlural(w))
      problems.push(`${key}: "2 ${word}" reads the same as "1 ${word}": ${two}`);
  });
  return problems;
}

describe("English counts (ICU plural forms)", () => {
  it("reads the catalogue", () => {
    expect(catalogue.length).toBeGreaterThan(500);
  });

  it("never prints “1 students”, “2 student” or “student(s)”", () => {
    expect(catalogue.flatMap(([key, text]) => problemsOf(key, text))).toEqual([]);
  });

  it("catches a message without a plural form", () => {
    expect(problemsOf("x", "{count} students")).not.toEqual([]);
    expect(problemsOf("x", "{count} field(s)")).not.toEqual([]);
    expect(problemsOf("x", "Resend in {seconds} seconds")).not.toEqual([]);
    expect(problemsOf("x", "{count} request")).not.toEqual([]);
    expect(problemsOf("x", "{count, plural, one {# student} other {# students}}")).toEqual([]);
    expect(problemsOf("x", "Page {page} of {pages}, {total} in all")).toEqual([]);
  });
});
