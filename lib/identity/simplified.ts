import * as OpenCC from "opencc-js/t2cn";

// Traditional (Taiwan/Hong Kong/OpenCC standard) to mainland simplified, character by character.
const convert = OpenCC.Converter({ from: "t", to: "cn" });

export function toSimplified(text: string): string {
  return convert(text);
}
