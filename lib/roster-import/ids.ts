import { randomFillSync } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
const RANDOM_CHARS = 12;
const pool = Buffer.alloc(RANDOM_CHARS * 4096);
let offset = pool.length;
let lastTime = 0;
let counter = 0;

const base36 = (n: number, width: number) => n.toString(36).padStart(width, "0").slice(-width);

/**
 * cuid-shaped primary keys ("c" + 24 base-36 characters) for rows the import writes with raw statements,
 * which bypass Prisma's @default(cuid()). Laid out like a cuid: 8 characters of the time in milliseconds
 * and a 4-character counter, so ids made one after another sort one after another, then 12 random
 * characters (~62 bits, more than a cuid's random part). Sorted ids make the 100,000 primary-key inserts of
 * an import append to the end of the index instead of landing on a random page each — the largest single
 * cost of the SQLite write pass with fully random ids. Random bytes are drawn in blocks of 4,096 ids.
 */
export function newId(): string {
  const now = Date.now();
  if (now > lastTime) {
    lastTime = now;
    counter = 0;
  } else if (++counter >= 36 ** 4) {
    // 1.7 million ids within one millisecond: borrow the next millisecond (keeps the order)
    lastTime++;
    counter = 0;
  }
  if (offset + RANDOM_CHARS > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  let id = "c" + base36(lastTime, 8) + base36(counter, 4);
  for (let i = 0; i < RANDOM_CHARS; i++) id += ALPHABET[pool[offset + i] % 36];
  offset += RANDOM_CHARS;
  return id;
}
