import "server-only";
import { blindIndex, blindIndexes } from "@/lib/security/crypto";

/**
 * The stored form of a 考生号 (normalised, 14 digits): a keyed hash, so the number itself is never kept —
 * it is only ever compared (roster evidence, SPEC §3.3). Prefixed so it can never equal an ID number's index.
 */
export function examNumberIndex(examNumber: string): string {
  return blindIndex(`exam:${examNumber}`);
}

/** Every form a stored 考生号 hash may have: two during a key rotation (docs/operations.md). */
export function examNumberIndexes(examNumber: string): string[] {
  return blindIndexes(`exam:${examNumber}`);
}
