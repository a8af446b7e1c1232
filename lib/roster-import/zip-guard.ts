import { open } from "node:fs/promises";
import { Transform, type Readable } from "node:stream";

/** Limits checked on an XLSX file's central directory before anything is unpacked (SPEC §11). */
export const ZIP_LIMITS = {
  maxEntries: 2_000,
  /** a 200,000-row roster unpacks to roughly 150–250 MB of XML */
  maxUncompressedBytes: 1024 * 1024 * 1024,
  /** deflate rarely beats 1:100 on spreadsheet XML; zip bombs are 1:1000 and more */
  maxRatio: 200,
  /** one entry actually inflated: a 250,000-row sheet is well under this */
  maxEntryBytes: 512 * 1024 * 1024,
} as const;

export type ZipLimits = { [K in keyof typeof ZIP_LIMITS]: number };
export type ZipInspection = { entries: number; uncompressedBytes: number; compressedBytes: number };
export type ZipVerdict =
  | { ok: true; inspection: ZipInspection; declared: Map<string, number> }
  | {
      ok: false;
      reason: "notZip" | "tooManyEntries" | "tooLarge" | "ratio" | "zip64";
      inspection?: ZipInspection;
    };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

/**
 * Reads the ZIP central directory (end-of-central-directory record, then one header per entry) and sums
 * the sizes it declares, without inflating a byte. ZIP64 archives are refused: no spreadsheet a registrar
 * produces needs them, and their sizes are exactly what a bomb would hide. The XLSX reader also stops at a
 * row limit, so a file whose local headers lie about their sizes still cannot run away.
 */
export async function inspectZip(filePath: string, limits: ZipLimits = ZIP_LIMITS): Promise<ZipVerdict> {
  const file = await open(filePath, "r");
  try {
    const { size } = await file.stat();
    if (size < EOCD_MIN) return { ok: false, reason: "notZip" };
    const tailLength = Math.min(size, EOCD_MIN + MAX_COMMENT);
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - EOCD_MIN; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return { ok: false, reason: "notZip" };
    const entries = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    if (entries === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff)
      return { ok: false, reason: "zip64" };
    if (entries > limits.maxEntries) return { ok: false, reason: "tooManyEntries" };
    if (directoryOffset + directorySize > size) return { ok: false, reason: "notZip" };

    const directory = Buffer.alloc(directorySize);
    await file.read(directory, 0, directorySize, directoryOffset);
    let offset = 0;
    let uncompressedBytes = 0;
    let compressedBytes = 0;
    const declared = new Map<string, number>();
    for (let n = 0; n < entries; n++) {
      if (offset + 46 > directory.length || directory.readUInt32LE(offset) !== CENTRAL_SIGNATURE)
        return { ok: false, reason: "notZip" };
      const compressed = directory.readUInt32LE(offset + 20);
      const uncompressed = directory.readUInt32LE(offset + 24);
      if (compressed === 0xffffffff || uncompressed === 0xffffffff) return { ok: false, reason: "zip64" };
      const inspection = { entries, uncompressedBytes, compressedBytes };
      if (uncompressed > 1024 * 1024 && uncompressed > compressed * limits.maxRatio)
        return { ok: false, reason: "ratio", inspection };
      uncompressedBytes += uncompressed;
      compressedBytes += compressed;
      if (uncompressedBytes > limits.maxUncompressedBytes)
        return { ok: false, reason: "tooLarge", inspection: { entries, uncompressedBytes, compressedBytes } };
      const nameLength = directory.readUInt16LE(offset + 28);
      if (offset + 46 + nameLength > directory.length) return { ok: false, reason: "notZip" };
      const name = directory.toString("utf8", offset + 46, offset + 46 + nameLength);
      declared.set(name, Math.max(declared.get(name) ?? 0, uncompressed));
      offset += 46 + nameLength + directory.readUInt16LE(offset + 30) + directory.readUInt16LE(offset + 32);
    }
    return { ok: true, inspection: { entries, uncompressedBytes, compressedBytes }, declared };
  } finally {
    await file.close();
  }
}

/** An entry inflated past what the directory declared for it, or past the per-entry or total limits. */
export class InflateLimitError extends Error {
  constructor() {
    super("zip entry inflates beyond its limit");
  }
}

type ZipEntry = Readable & { path: string };

/**
 * The directory's sizes are only claims: local headers and deflate streams can say otherwise. This guard
 * counts the bytes the unzipper actually inflates, entry by entry, and stops the moment an entry passes the
 * size the central directory declared for it (an entry the directory does not list may inflate to nothing)
 * or the per-entry / total limit — so a lying file costs a few kilobytes of inflating, not a gigabyte.
 */
export function inflateGuard(declared: Map<string, number>, limits: ZipLimits = ZIP_LIMITS) {
  let total = 0;
  const totalCap = Math.min(
    limits.maxUncompressedBytes,
    [...declared.values()].reduce((sum, size) => sum + size, 0),
  );
  return (entry: ZipEntry, abort: (error: Error) => void) => {
    const cap = Math.min(declared.get(entry.path) ?? 0, limits.maxEntryBytes);
    let bytes = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        total += chunk.length;
        if (bytes <= cap && total <= totalCap) return callback(null, chunk);
        const error = new InflateLimitError();
        entry.unpipe(counted);
        entry.destroy();
        abort(error);
        callback(error);
      },
    });
    // the refusal reaches the reader through `abort` (or its own read of this stream): no stray throw
    counted.on("error", () => undefined);
    entry.pipe(counted);
    return Object.assign(counted, {
      path: entry.path,
      autodrain: () => counted.resume(),
    });
  };
}
