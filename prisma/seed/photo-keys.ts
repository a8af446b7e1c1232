import type { Gender } from "./names";

/**
 * Admission photos come from a small pool of generated pictures shared by many records: 100,000 files
 * would cost minutes and hundreds of MB for a demo. Keys are storage keys under UPLOADS_DIR.
 */
export const PHOTOS_PER_GENDER = 32;

export type PhotoSlot = { seed: number; gender: Gender; index: number };

export function admissionPhotoKey({ seed, gender, index }: PhotoSlot): string {
  return `admission/demo-${seed}-${gender === "男" ? "m" : "f"}${String(index).padStart(2, "0")}.jpg`;
}

export function photoPool(seed: number): PhotoSlot[] {
  const slots: PhotoSlot[] = [];
  for (const gender of ["男", "女"] as const)
    for (let index = 0; index < PHOTOS_PER_GENDER; index++) slots.push({ seed, gender, index });
  return slots;
}
