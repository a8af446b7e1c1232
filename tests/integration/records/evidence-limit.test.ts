/**
 * The evidence size limit (SPEC §4.3, 5 MB a file) as the server says it: a file 1 byte over is refused
 * before it is read whole, and the message names the file and the limit in the reader's language.
 */
import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/lib/i18n/messages";
import { prepareEvidence } from "@/lib/corrections/evidence";
import { MAX_EVIDENCE_BYTES, oversizedEvidence } from "@/lib/corrections/evidence-limits";

function file(size: number, name: string) {
  let read = false;
  return {
    name,
    size,
    get wasRead() {
      return read;
    },
    async arrayBuffer() {
      read = true;
      return new ArrayBuffer(size);
    },
  };
}

describe("evidence over the size limit", () => {
  it("is refused from its size, unread, with the limit in both languages", async () => {
    const big = file(MAX_EVIDENCE_BYTES + 1, "户口本.pdf");
    const result = await prepareEvidence([big]);
    expect(result.ok).toBe(false);
    const error = result.ok ? undefined : result.fieldErrors?.evidence;
    expect(error?.key).toBe("corrections.errors.evidence.tooLarge");
    expect(big.wasRead).toBe(false);
    for (const [locale, expected] of [
      ["zh-CN", "“户口本.pdf”超过 5 MB"],
      ["en", "“户口本.pdf” is larger than 5 MB"],
    ] as const) {
      const t = createTranslator({ locale, messages: loadMessages(locale) as never });
      expect(t(error?.key as never, error?.params as never)).toContain(expected);
    }
  });

  it("a file of exactly the limit passes the browser's check; one byte more does not", () => {
    expect(oversizedEvidence([{ name: "a", size: MAX_EVIDENCE_BYTES }])).toBeUndefined();
    expect(oversizedEvidence([{ name: "b", size: MAX_EVIDENCE_BYTES + 1 }])?.name).toBe("b");
  });
});
