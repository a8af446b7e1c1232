import { randomFillSync } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
const pool = Buffer.alloc(24 * 2048);
let offset = pool.length;

/**
 * cuid-shaped primary keys ("c" + 24 base-36 characters, ~124 random bits) for rows the import writes
 * with raw statements, which bypass Prisma's @default(cuid()). Random bytes are drawn in blocks: one
 * system call per 2,048 ids.
 */
export function newId(): string {
  if (offset + 24 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  let id = "c";
  for (let i = 0; i < 24; i++) id += ALPHABET[pool[offset + i] % 36];
  offset += 24;
  return id;
}
