import "server-only";
import { randomInt } from "node:crypto";

// No look-alike characters (0/O, 1/l/I), so the password can be read out over the phone.
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A random initial password (4 groups of 4, ≈ 92 bits), shown to the admin once. */
export function generateInitialPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = "";
    for (let i = 0; i < 4; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join("-");
}
