import { randomFillSync } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
const ID_RANDOM_CHARS = 24;

// One randomFillSync per 4,096 ids: each call is a system call, and on this kind of sandboxed machine a
// call costs ~20 µs, which alone was 2 s of a 100,000-record load.
const pool = Buffer.alloc(ID_RANDOM_CHARS * 4096);
let offset = pool.length;

/**
 * cuid-shaped primary keys ("c" + 24 lower-case base-36 characters). Raw inserts bypass Prisma's
 * @default(cuid()), so the loader makes its own; 24 random characters (~124 bits) never collide in practice.
 */
export function newId(): string {
  if (offset + ID_RANDOM_CHARS > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  let id = "c";
  for (let i = 0; i < ID_RANDOM_CHARS; i++) id += ALPHABET[pool[offset + i] % 36];
  offset += ID_RANDOM_CHARS;
  return id;
}
