/** A catalogue (or part of one): nested objects whose leaves are message strings. */
export type MessageTree = { [key: string]: string | MessageTree };

/**
 * The parts of a catalogue named by `paths` ("record" or "record.selfCheck"), nested as in the catalogue,
 * so a client component reading `useTranslations("record.selfCheck")` finds its messages and nothing else
 * travels to the browser. A path that names nothing is left out.
 */
export function pickMessages(messages: MessageTree, paths: readonly string[]): MessageTree {
  const picked: MessageTree = {};
  for (const path of paths) {
    const keys = path.split(".");
    let source: string | MessageTree | undefined = messages;
    for (const key of keys) source = typeof source === "object" ? source[key] : undefined;
    if (source === undefined) continue;
    let target = picked;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) {
        target[key] = source as string | MessageTree;
        return;
      }
      const next = target[key];
      if (typeof next !== "object") target[key] = {};
      target = target[key] as MessageTree;
    });
  }
  return picked;
}
