import { StringDecoder } from "node:string_decoder";
import type { Readable } from "node:stream";
import unzipper from "unzipper";
import { isBlankRow, type RawCell, type SheetRow } from "./dates";
import { XmlStream, type XmlHandlers } from "./xml-stream";
import { inflateGuard } from "./zip-guard";

/** Excel's last column is XFD (16,384); a reference past it is not a spreadsheet's. */
const MAX_COLUMNS = 16_384;
const BATCH_ROWS = 1000;

/**
 * What a package may hold beyond its byte sizes (the inflate guard bounds those): the shared strings are kept
 * in memory for the whole read and a row until it ends, so a small file of millions of tiny strings or one
 * row of endless cells could otherwise fill the heap. A 250,000-row roster has ~1.3 million distinct strings
 * at most (its names, ID numbers and student numbers) and rows of well under a kilobyte.
 */
export const XLSX_LIMITS = {
  maxSharedStrings: 2_000_000,
  maxSharedChars: 32 * 1024 * 1024,
  maxRowChars: 1024 * 1024,
};

/** The package holds more than a roster can (see XLSX_LIMITS). */
export class XlsxLimitError extends Error {}

// Built-in number formats that are dates or times (ECMA-376 §18.8.30, with the CJK ids 27–36 and 50–58).
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** A custom format is a date when a date or time letter is left once quoted text, [..] and \x are gone. */
function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "");
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** `_x000D_` is how OOXML writes a character XML cannot carry (ECMA-376 §22.9.2.19). */
const unescapeOoxml = (text: string) =>
  text.includes("_x")
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;

/** The column of a reference such as "AB12" (1-based), or 0 when it has no letters. */
function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20; // lower case
    if (code < 97 || code > 122) break;
    column = column * 26 + (code - 96);
    if (column > MAX_COLUMNS) throw new Error(`cell reference beyond column XFD: ${ref.slice(0, 12)}`);
  }
  return column;
}

/**
 * Feeds one part of the package to an XML reader as it inflates, yielding after each chunk so the caller
 * can hand over what the chunk completed.
 */
async function* parsePart(
  stream: Readable,
  handlers: XmlHandlers,
  attributes: readonly string[],
): AsyncGenerator<void> {
  const xml = new XmlStream(handlers, new Set(attributes));
  const decoder = new StringDecoder("utf8");
  for await (const chunk of stream) {
    xml.write(decoder.write(chunk as Buffer));
    yield;
  }
  xml.write(decoder.end());
  xml.end();
  yield;
}

async function drainPart(stream: Readable, handlers: XmlHandlers, attributes: readonly string[]) {
  for await (const _ of parsePart(stream, handlers, attributes));
}

type Package = { open(path: string): Readable | null; has(path: string): boolean };

type WorkbookInfo = { firstSheetRelId: string | null; date1904: boolean };

async function readWorkbook(pkg: Package): Promise<WorkbookInfo> {
  const info: WorkbookInfo = { firstSheetRelId: null, date1904: false };
  const stream = pkg.open("xl/workbook.xml");
  if (!stream) return info;
  const open = (name: string, attributes: Readonly<Record<string, string>>) => {
    if (name === "workbookPr") {
      const value = attributes.date1904;
      info.date1904 = value === "1" || value === "true";
    } else if (name === "sheet" && info.firstSheetRelId === null) {
      info.firstSheetRelId = attributes.id ?? null; // r:id
    }
  };
  await drainPart(stream, { open, close: () => undefined }, ["date1904", "id"]);
  return info;
}

/** Relationship id → part path, and the first part of each relationship type (by the type's last word). */
async function readRelationships(pkg: Package) {
  const byId = new Map<string, string>();
  const byType = new Map<string, string>();
  const stream = pkg.open("xl/_rels/workbook.xml.rels");
  if (!stream) return { byId, byType };
  const open = (name: string, attributes: Readonly<Record<string, string>>) => {
    if (name !== "Relationship") return;
    const { Id: id, Type: type, Target: target } = attributes;
    if (!target) return;
    const part = target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
    if (id) byId.set(id, part);
    const kind = type?.slice(type.lastIndexOf("/") + 1);
    if (kind && !byType.has(kind)) byType.set(kind, part);
  };
  await drainPart(stream, { open, close: () => undefined }, ["Id", "Type", "Target"]);
  return { byId, byType };
}

/** For each cell style (the `s` of a cell), whether its number format shows a date. */
async function readDateStyles(pkg: Package, path: string): Promise<boolean[]> {
  const stream = pkg.open(path);
  if (!stream) return [];
  const customFormats = new Map<number, string>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  const open = (name: string, attributes: Readonly<Record<string, string>>) => {
    if (name === "numFmt") customFormats.set(Number(attributes.numFmtId), attributes.formatCode ?? "");
    else if (name === "cellXfs") inCellXfs = true;
    else if (name === "xf" && inCellXfs) styleFormats.push(Number(attributes.numFmtId ?? 0));
  };
  const close = (name: string) => {
    if (name === "cellXfs") inCellXfs = false;
  };
  await drainPart(stream, { open, close }, ["numFmtId", "formatCode"]);
  return styleFormats.map((id) => {
    const custom = customFormats.get(id);
    return custom !== undefined ? isDateFormatCode(custom) : BUILT_IN_DATE_FORMATS.has(id);
  });
}

/** The shared string table: each `<si>` as plain text (rich-text runs joined, phonetic runs left out). */
async function readSharedStrings(pkg: Package, path: string): Promise<string[]> {
  const stream = pkg.open(path);
  if (!stream) return [];
  const strings: string[] = [];
  let text = "";
  let inText = false;
  let phonetic = 0;
  let chars = 0;
  const open = (name: string) => {
    if (name === "si") text = "";
    else if (name === "rPh") phonetic++;
    else if (name === "t" && phonetic === 0) inText = true;
  };
  const onText = (value: string) => {
    if (!inText) return;
    text += value;
    chars += value.length;
    if (chars > XLSX_LIMITS.maxSharedChars) throw new XlsxLimitError("shared strings too long");
  };
  const close = (name: string) => {
    if (name === "t") inText = false;
    else if (name === "rPh") phonetic--;
    else if (name === "si") {
      if (strings.length >= XLSX_LIMITS.maxSharedStrings) throw new XlsxLimitError("too many shared strings");
      strings.push(unescapeOoxml(text));
    }
  };
  await drainPart(stream, { open, text: onText, close }, []);
  return strings;
}

const EXCEL_1900_OFFSET_DAYS = 25_569; // serial of 1970-01-01
const DATE_1904_SHIFT_DAYS = 1_462;

type CellContext = { shared: string[]; dateStyles: boolean[]; date1904: boolean };

/** A cell's value as the import reads it: text, number, date (a number in a date format), or null. */
function cellValue(type: string | undefined, text: string, style: number, ctx: CellContext): RawCell {
  switch (type) {
    case "s":
      return ctx.shared[Number(text)] ?? null;
    case "inlineStr":
    case "str":
      return unescapeOoxml(text);
    case "b":
      return text.trim() === "0" || text.trim() === "false" ? "FALSE" : "TRUE";
    case "e":
      return null; // #N/A, #REF! …: no value
    case "d": {
      const date = new Date(text);
      return Number.isNaN(date.getTime()) ? text : date;
    }
    default: {
      if (text.trim() === "") return null;
      const number = Number(text);
      if (Number.isNaN(number)) return text;
      if (!ctx.dateStyles[style]) return number;
      const days = number - EXCEL_1900_OFFSET_DAYS + (ctx.date1904 ? DATE_1904_SHIFT_DAYS : 0);
      return new Date(Math.round(days * 86_400_000));
    }
  }
}

/** The rows of one worksheet part, in batches, blank rows left out. */
async function* readRows(stream: Readable, ctx: CellContext): AsyncGenerator<SheetRow[]> {
  let batch: SheetRow[] = [];
  let inSheetData = false;
  let rowNumber = 0;
  let cells: RawCell[] | null = null;
  let column = 0;
  let cellType: string | undefined;
  let cellStyle = 0;
  let cellText: string | null = null; // null: the cell has no value element
  let inValue = false;
  let inInline = false;
  let inPhonetic = false;
  let rowChars = 0;

  const open = (name: string, attributes: Readonly<Record<string, string>>) => {
    if (name === "sheetData") inSheetData = true;
    else if (!inSheetData) return;
    else if (name === "row") {
      const r = Number(attributes.r);
      rowNumber = Number.isInteger(r) && r > rowNumber ? r : rowNumber + 1;
      cells = [];
      column = 0;
      rowChars = 0;
    } else if (name === "c" && cells) {
      const ref = attributes.r;
      const at = ref ? columnOf(ref) : 0;
      column = at > 0 ? at : column + 1;
      if (column > MAX_COLUMNS) throw new Error("cell beyond column XFD");
      cellType = attributes.t;
      cellStyle = attributes.s ? Number(attributes.s) : 0;
      cellText = null;
    } else if (name === "v") {
      inValue = !inInline;
      if (inValue) cellText = "";
    } else if (name === "is") {
      inInline = true;
      cellText = "";
    } else if (name === "t") inValue = inInline && !inPhonetic;
    else if (name === "rPh") inPhonetic = true; // the phonetic guide of an inline rich string
  };
  const onText = (value: string) => {
    if (!inValue) return;
    cellText += value;
    rowChars += value.length;
    if (rowChars > XLSX_LIMITS.maxRowChars) throw new XlsxLimitError("row too long");
  };
  const close = (name: string) => {
    if (!inSheetData) return;
    if (name === "v" || name === "t") inValue = false;
    else if (name === "is") inInline = false;
    else if (name === "rPh") inPhonetic = false;
    else if (name === "c" && cells) {
      if (cellText !== null) {
        const value = cellValue(cellType, cellText, cellStyle, ctx);
        if (value !== null) {
          while (cells.length < column - 1) cells.push(null);
          cells[column - 1] = value;
        }
      }
    } else if (name === "row" && cells) {
      if (!isBlankRow(cells)) batch.push({ rowNumber, cells });
      cells = null;
    } else if (name === "sheetData") inSheetData = false;
  };

  for await (const _ of parsePart(stream, { open, text: onText, close }, ["r", "t", "s"])) {
    if (batch.length >= BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/**
 * The first worksheet of an XLSX package, streamed: the workbook, its relationships, styles and shared
 * strings are read first (random access by the central directory, so part order in the file does not
 * matter), then the sheet row by row. Parts the import does not need (images, themes, other sheets) are
 * never inflated; every part read goes through the inflate guard, which stops at the size the central
 * directory declared for it. Values are plain: rich text as its text, formulas as their cached result,
 * numbers in a date format as dates, booleans as TRUE/FALSE, error cells as empty.
 */
export async function* readFirstSheet(
  filePath: string,
  declared: Map<string, number>,
): AsyncGenerator<SheetRow[]> {
  const directory = await unzipper.Open.file(filePath);
  const files = new Map(directory.files.filter((f) => f.type === "File").map((f) => [f.path, f]));
  const guard = inflateGuard(declared);
  const opened: Readable[] = [];
  const pkg: Package = {
    has: (path) => files.has(path),
    open(path) {
      const file = files.get(path);
      if (!file) return null;
      const entry = Object.assign(file.stream() as unknown as Readable, { path });
      // past its limit the guard destroys its stream with InflateLimitError: the part's reader throws it
      const guarded = guard(entry, () => undefined);
      opened.push(entry, guarded);
      return guarded;
    },
  };
  try {
    const workbook = await readWorkbook(pkg);
    const relationships = await readRelationships(pkg);
    const fromWorkbook = workbook.firstSheetRelId
      ? relationships.byId.get(workbook.firstSheetRelId)
      : undefined;
    const sheetPath =
      fromWorkbook && pkg.has(fromWorkbook)
        ? fromWorkbook
        : [...files.keys()]
            .filter((path) => /^xl\/worksheets\/sheet\d+\.xml$/.test(path))
            .sort((a, b) => Number(a.match(/\d+/)?.[0]) - Number(b.match(/\d+/)?.[0]))[0];
    if (!sheetPath) return;
    const ctx: CellContext = {
      shared: await readSharedStrings(
        pkg,
        relationships.byType.get("sharedStrings") ?? "xl/sharedStrings.xml",
      ),
      dateStyles: await readDateStyles(pkg, relationships.byType.get("styles") ?? "xl/styles.xml"),
      date1904: workbook.date1904,
    };
    const sheet = pkg.open(sheetPath);
    if (sheet) yield* readRows(sheet, ctx);
  } finally {
    // stop inflating at once (an early return or a refusal leaves a part half read otherwise)
    for (const stream of opened) stream.destroy();
  }
}
