/** Text encodings a roster CSV arrives in: Excel on a Chinese Windows saves GB18030 ("ANSI"), others UTF-8. */
export type CsvEncoding = "utf8" | "utf16le" | "gb18030";

/**
 * Decides from the first bytes of the file. A UTF-8 BOM, or bytes that decode as strict UTF-8, mean UTF-8;
 * a UTF-16LE BOM (Excel's "Unicode text") means UTF-16; anything else is taken as GB18030, the superset of
 * GBK/GB2312 Chinese Windows uses. The header row is Chinese, so the first 64 KB always decide.
 */
export function detectEncoding(sample: Uint8Array): CsvEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return "utf8";
  if (sample[0] === 0xff && sample[1] === 0xfe) return "utf16le";
  try {
    // stream: true tolerates a multi-byte character cut at the end of the sample
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: true });
    return "utf8";
  } catch {
    return "gb18030";
  }
}
