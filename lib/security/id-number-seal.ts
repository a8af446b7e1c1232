import "server-only";
import { maskIdNumber } from "@/lib/identity/id-number";
import { blindIndex, encrypt } from "./crypto";

/** How an ID number is stored wherever it is kept: cipher text, lookup index, and the mask lists show. */
export type SealedIdNumber = { idNumberEnc: string; idNumberIndex: string; idMasked: string };

/**
 * The one way to store an ID number (normalised): AES-GCM cipher text, the keyed blind index it is looked up
 * by, and its mask. `knownIndex` passes a blind index already computed for the same number (the roster
 * import computes it once per row in its matching stage).
 */
export function sealIdNumber(idNumber: string, knownIndex?: string): SealedIdNumber {
  return {
    idNumberEnc: encrypt(idNumber),
    idNumberIndex: knownIndex ?? blindIndex(idNumber),
    idMasked: maskIdNumber(idNumber),
  };
}
