import { open } from "node:fs/promises";

/** Limits checked on an XLSX file's central directory before anything is unpacked (SPEC §11). */
export const ZIP_LIMITS = {
  maxEntries: 2_000,
  /** a 200,000-row roster unpacks to roughly 150–250 MB of XML */
  maxUncompressedBytes: 1024 * 1024 * 1024,
  /** deflate rarely beats 1:100 on spreadsheet XML; zip bombs are 1:1000 and more */
  maxRatio: 200,
} as const;

export type ZipInspection = { entries: number; uncompressedBytes: number; compressedBytes: number };
export type ZipVerdict =
  | { ok: true; inspection: ZipInspection }
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
export async function inspectZip(filePath: string, limits = ZIP_LIMITS): Promise<ZipVerdict> {
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
      offset +=
        46 +
        directory.readUInt16LE(offset + 28) +
        directory.readUInt16LE(offset + 30) +
        directory.readUInt16LE(offset + 32);
    }
    return { ok: true, inspection: { entries, uncompressedBytes, compressedBytes } };
  } finally {
    await file.close();
  }
}
