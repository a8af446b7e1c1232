import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { createInterface } from "node:readline";

/** A new EnrollmentRecord row exactly as stored (dates as ISO strings). */
export type RecordInsert = {
  id: string;
  studentNumber: string;
  name: string;
  gender: string;
  birthDate: string;
  ethnicity: string;
  idType: string;
  idNumberEnc: string;
  idNumberIndex: string;
  idMasked: string;
  schoolName: string;
  level: string;
  majorId: string;
  duration: string;
  educationCategory: string;
  studyMode: string;
  collegeId: string;
  department: string;
  classGroupId: string;
  enrolledOn: string;
  expectedGraduationOn: string;
  status: string;
  cohort: string;
  accountId: string | null;
};

/** Columns an update rewrites: every shown field (held conflict fields carry their current value). */
export const UPDATE_COLUMNS = [
  "name",
  "gender",
  "birthDate",
  "ethnicity",
  "idType",
  "idNumberEnc",
  "idNumberIndex",
  "idMasked",
  "level",
  "majorId",
  "duration",
  "educationCategory",
  "studyMode",
  "collegeId",
  "department",
  "classGroupId",
  "enrolledOn",
  "expectedGraduationOn",
  "status",
  "cohort",
  "accountId",
] as const;
export type UpdateColumn = (typeof UPDATE_COLUMNS)[number];

export type RecordUpdate = {
  id: string;
  /** the version read in the planning pass: the write fails if the record changed since */
  expectedVersion: number;
  values: Record<UpdateColumn, string | null>;
  history: { field: string; before: string; after: string }[];
};

export type StagedOp = { op: "insert"; row: RecordInsert } | { op: "update"; row: RecordUpdate };

/**
 * The planning pass writes the operations it decided to a staging file (one JSON per line) instead of
 * holding 100,000 rows in memory; the write pass replays it inside one transaction.
 */
export class StagingWriter {
  private readonly out: WriteStream;
  constructor(readonly path: string) {
    this.out = createWriteStream(path, { encoding: "utf8" });
  }
  async write(op: StagedOp): Promise<void> {
    if (!this.out.write(JSON.stringify(op) + "\n")) await once(this.out, "drain");
  }
  async close(): Promise<void> {
    this.out.end();
    await once(this.out, "finish");
  }
}

export async function* readStaged(path: string): AsyncGenerator<StagedOp> {
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as StagedOp;
}
