import { Tokenizer } from "htmlparser2";

/** What a reader of one XML part hears. Names are local: a prefix such as `x:` in `x:row` is dropped. */
export type XmlHandlers = {
  /** an element opened, with those of its attributes the reader asked for (entities decoded) */
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  text?(value: string): void;
  close(name: string): void;
};

const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

const localName = (name: string) => {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
};

/**
 * An XML stream as element and text events, on htmlparser2's tokenizer in XML mode. The tokenizer reports
 * positions, not strings: only the names, the attributes asked for and the text are cut from the chunks,
 * so a sheet of millions of cells allocates a few strings per cell instead of an object per tag and per
 * attribute (what a general SAX parser hands over). It is forgiving like a browser: malformed XML yields
 * what could be read rather than an error.
 */
export class XmlStream {
  private readonly tokenizer: Tokenizer;
  /** the chunks still referenced by positions the tokenizer may report, and where the first one starts */
  private chunks: string[] = [];
  private chunksStart = 0;
  private tag = "";
  private attributes: Record<string, string> | null = null;
  private attribute: string | null = null;
  private value = "";

  constructor(handlers: XmlHandlers, wanted: ReadonlySet<string>) {
    const opened = () => handlers.open(this.tag, this.attributes ?? NO_ATTRIBUTES);
    this.tokenizer = new Tokenizer(
      { xmlMode: true, decodeEntities: true },
      {
        onopentagname: (start, end) => {
          this.tag = localName(this.slice(start, end));
          this.attributes = null;
        },
        onattribname: (start, end) => {
          const name = localName(this.slice(start, end));
          this.attribute = wanted.has(name) ? name : null;
          this.value = "";
        },
        onattribdata: (start, end) => {
          if (this.attribute) this.value += this.slice(start, end);
        },
        onattribentity: (codepoint) => {
          if (this.attribute) this.value += String.fromCodePoint(codepoint);
        },
        onattribend: () => {
          if (!this.attribute) return;
          (this.attributes ??= {})[this.attribute] = this.value;
          this.attribute = null;
        },
        onopentagend: opened,
        onselfclosingtag: () => {
          opened();
          handlers.close(this.tag);
        },
        onclosetag: (start, end) => handlers.close(localName(this.slice(start, end))),
        ontext: (start, end) => handlers.text?.(this.slice(start, end)),
        ontextentity: (codepoint) => handlers.text?.(String.fromCodePoint(codepoint)),
        oncdata: (start, end, endOffset) => handlers.text?.(this.slice(start, end - endOffset)),
        oncomment: () => undefined,
        ondeclaration: () => undefined,
        onprocessinginstruction: () => undefined,
        onend: () => undefined,
      },
    );
  }

  write(chunk: string): void {
    if (!chunk) return;
    this.chunks.push(chunk);
    this.tokenizer.write(chunk);
  }

  end(): void {
    this.tokenizer.end();
  }

  /** The text between two stream positions, which may span chunks; chunks wholly before it are let go. */
  private slice(start: number, end: number): string {
    while (this.chunks.length > 1 && start - this.chunksStart >= this.chunks[0].length) {
      this.chunksStart += this.chunks[0].length;
      this.chunks.shift();
    }
    const length = end - start;
    let from = start - this.chunksStart;
    let text = "";
    for (const chunk of this.chunks) {
      if (from >= chunk.length) {
        from -= chunk.length;
        continue;
      }
      text += chunk.slice(from, from + length - text.length);
      if (text.length >= length) break;
      from = 0;
    }
    return text;
  }
}
