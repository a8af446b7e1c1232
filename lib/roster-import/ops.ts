import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { StringDecoder } from "node:string_decoder";
import type { RecordInsert, UpdateColumn } from "./record-columns";

export { UPDATE_COLUMNS, type RecordInsert, type UpdateColumn } from "./record-columns";

export type RecordUpdate = {
  id: string;
  /** the version read in the planning pass: the write fails if the record changed since */
  expectedVersion: number;
  values: Record<UpdateColumn, string | null>;
  history: { field: string; before: string; after: string }[];
};

/** A new 考生号 for a record whose shown fields are unchanged: no version bump, no history (not shown). */
export type ExamNumberUpdate = { id: string; examNumberIndex: string };

export type StagedOp =
  | { op: "insert"; row: RecordInsert }
  | { op: "update"; row: RecordUpdate }
  | { op: "exam"; row: ExamNumberUpdate };

/**
 * The planning pass writes the operations it decided to a staging file (one JSON per line) instead of
 * holding 100,000 rows in memory; the write pass replays it inside one transaction.
 */
export class StagingWriter {
  private readonly out: WriteStream;
  /** an error of the file (e.g. on opening) before anyone waited on it: reported by the next call */
  private failure: Error | null = null;
  constructor(readonly path: string) {
    this.out = createWriteStream(path, { encoding: "utf8" });
    this.out.on("error", (error) => {
      this.failure = error;
    });
  }
  async write(op: StagedOp): Promise<void> {
    await this.writeAll([op]);
  }
  /** A batch's operations in one write (one line each). */
  async writeAll(ops: readonly StagedOp[]): Promise<void> {
    if (this.failure) throw this.failure;
    if (ops.length === 0) return;
    let text = "";
    for (const op of ops) text += JSON.stringify(op) + "\n";
    if (!this.out.write(text)) await once(this.out, "drain");
  }
  async close(): Promise<void> {
    if (this.failure) throw this.failure;
    this.out.end();
    await once(this.out, "finish");
  }
}

/** The staged operations in file order, read in 1 MB blocks (readline's per-line events cost more). */
export async function* readStaged(path: string): AsyncGenerator<StagedOp> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    const text = rest + decoder.write(chunk);
    let start = 0;
    for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n", start)) {
      if (end > start) yield JSON.parse(text.slice(start, end)) as StagedOp;
      start = end + 1;
    }
    rest = text.slice(start);
  }
  rest += decoder.end();
  if (rest.trim()) yield JSON.parse(rest) as StagedOp;
}
