import { checkDigitFor } from "../../lib/identity/id-number";
import type { Rng } from "./prng";
import type { Gender } from "./names";

/** Appends the GB 11643 check character (ISO 7064 MOD 11-2) to the first 17 digits. */
export function withCheckDigit(first17: string): string {
  return first17 + checkDigitFor(first17);
}

/** Hands out ID numbers that are unique across one generated university (and the demo students). */
export class IdNumberRegistry {
  private readonly used = new Set<string>();

  reserve(idNumber: string): void {
    if (this.used.has(idNumber)) throw new Error(`duplicate ID number ${idNumber}`);
    this.used.add(idNumber);
  }

  next(rng: Rng, region: string, birthDate: string, gender: Gender): string {
    for (let attempt = 0; attempt < 1000; attempt++) {
      // The gender digit is then 1/3/5/7/9 or 0/2/4/6/8 like real order codes.
      const parityDigit = rng.int(0, 4) * 2 + (gender === "男" ? 1 : 0);
      const sequence = rng.int(0, 99);
      const first17 =
        region + birthDate.replaceAll("-", "") + String(sequence).padStart(2, "0") + String(parityDigit);
      const id = withCheckDigit(first17);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
    throw new Error(`no free ID number for ${region} ${birthDate}`);
  }
}
