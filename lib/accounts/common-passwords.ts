import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

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
