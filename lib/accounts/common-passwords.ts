import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { schoolName } from "@/lib/settings";

let list: Set<string> | undefined;

/**
 * The shipped list of common passwords (lib/security/common-passwords.txt, one lower-case entry a line;
 * docs/security.md says how it was built). Loaded once per process.
 */
export function commonPasswords(): Set<string> {
  list ??= new Set(
    readFileSync(path.join(process.cwd(), "lib", "security", "common-passwords.txt"), "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
  );
  return list;
}

export function isCommonPassword(candidate: string): boolean {
  return commonPasswords().has(candidate.toLowerCase());
}

/**
 * The school's name as a password context word ("示范大学" and its short form "示范"): guessers try the
 * school first. The product's and 学信网's names are fixed (PRODUCT_WORDS in password-policy.ts).
 */
export async function passwordSiteWords(): Promise<string[]> {
  const name = (await schoolName()).trim();
  const short = name.replace(/(大学|学院|学校)$/u, "");
  return [...new Set([name, short].filter((word) => [...word].length >= 2))];
}
