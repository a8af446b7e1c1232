import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { loadMessages } from "@/lib/i18n/messages";
import { rowMessage } from "@/lib/i18n/row-message";

const NAMES = ["李思远", "王𠮷祥", "阿依古丽·买买提", "O'Brien {name}", "$& $1 $$ $'", "<b>x</b>", ""];
const ROW_MESSAGES = [
  { namespace: "progress.reveal", key: "label", args: ["name"] },
  { namespace: "progress.phone", key: "label", args: ["name"] },
  { namespace: "progress.phone", key: "call", args: ["name", "phone"] },
] as const;

describe("a row's message formatted once per list", () => {
  for (const locale of ["zh-CN", "en"] as const) {
    it(`gives each row the text formatting that row gives (${locale})`, () => {
      const messages = loadMessages(locale);
      for (const { namespace, key, args } of ROW_MESSAGES) {
        const t = createTranslator({ locale, messages, namespace }) as unknown as (
          key: string,
          values: Record<string, string>,
        ) => string;
        const row = rowMessage(t, key, args);
        for (const name of NAMES) {
          const values = Object.fromEntries(args.map((a) => [a, a === "phone" ? "13800000001" : name]));
          const expected = t(key, values);
          expect(row(values as never)).toBe(expected);
          if (name) expect(expected).toContain(name);
        }
      }
    });
  }

  it("fills each argument with its own value, wherever the message puts it", () => {
    const t = (_key: string, v: Record<"a" | "b", string>) => `${v.b} then ${v.a}, ${v.b} again`;
    expect(rowMessage(t, "k", ["a", "b"])({ a: "A$1", b: "B" })).toBe("B then A$1, B again");
  });
});
