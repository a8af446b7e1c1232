/**
 * The import benchmark's reference, the "raw loop" (run by tests/bench/import.ts in its own process, on the
 * same file as the import): read the roster with the import's own reader (papaparse for CSV, the exceljs
 * streaming reader for XLSX, lib/roster-import/read-file.ts), seal each ID number exactly as the import does
 * (`sealIdNumber`: AES-GCM cipher text, blind index, mask — lib/security), and insert the rows into the
 * EnrollmentRecord table of a fresh, migrated database in one transaction:
 * - SQLite: one prepared single-row INSERT on a better-sqlite3 connection with the import's pragmas (WAL,
 *   synchronous = FULL, 16 MB page cache), every index in place;
 * - PostgreSQL: COPY … FROM STDIN (text format) through pg-copy-streams.
 * No validation, no lookups, no diff, no report, no staging: what any import of these rows has to do at
 * least. Colleges, majors and classes are inserted the first time a row names them (on PostgreSQL through a
 * second connection, committed at once, since the COPY holds the first one). Prints one JSON line.
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { createTestDatabase } from "../integration/support/test-database";
import { peakRssMb } from "./support";

const SCHOOL = "示范大学";
const ts = (d: Date) => d.toISOString().replace("Z", "+00:00");

type Value = string | number | null;

/** Where the raw loop writes: units on first sight, then record rows, in one transaction. */
type Sink = {
  unit(table: "College" | "Major" | "ClassGroup", values: Value[]): Promise<void> | void;
  insert(values: Value[]): void;
  /** after each batch the reader hands over (PostgreSQL: push the batch's COPY lines, wait for drain) */
  flush(): Promise<void> | void;
  finish(): Promise<void>;
};

const UNIT_COLUMNS = {
  College: ["id", "code", "name", "createdAt"],
  Major: ["id", "collegeId", "name", "createdAt"],
  ClassGroup: ["id", "collegeId", "majorId", "name", "createdAt"],
} as const;

function sqliteSink(file: string, columns: readonly string[]): Sink {
  const db = new Database(file, { timeout: 15_000 });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma("cache_size = -16384");
  const q = (c: string) => `"${c}"`;
  const insertInto = (table: string, cols: readonly string[]) =>
    db.prepare(
      `INSERT INTO ${q(table)} (${cols.map(q).join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`,
    );
  const units = {
    College: insertInto("College", UNIT_COLUMNS.College),
    Major: insertInto("Major", UNIT_COLUMNS.Major),
    ClassGroup: insertInto("ClassGroup", UNIT_COLUMNS.ClassGroup),
  };
  const record = insertInto("EnrollmentRecord", columns);
  db.exec("BEGIN IMMEDIATE");
  return {
    unit: (table, values) => void units[table].run(values),
    insert: (values) => void record.run(values),
    flush: () => undefined,
    finish: async () => {
      db.exec("COMMIT");
      db.close();
    },
  };
}

/** COPY text format: backslash, tab, newline and carriage return escaped; null as \N. */
const copyField = (v: Value) =>
  v === null
    ? "\\N"
    : typeof v === "number"
      ? String(v)
      : v.replace(/[\\\t\n\r]/g, (c) =>
          c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
        );

async function postgresSink(url: string, columns: readonly string[]): Promise<Sink> {
  const client = new pg.Client({ connectionString: url });
  const units = new pg.Client({ connectionString: url });
  await client.connect();
  await units.connect();
  await client.query("BEGIN");
  const copy: Writable = client.query(
    copyFrom(`COPY "EnrollmentRecord" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`),
  );
  const done = once(copy, "finish");
  let pending = "";
  return {
    unit: async (table, values) => {
      const cols = UNIT_COLUMNS[table];
      await units.query(
        `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(", ")}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(", ")})`,
        values,
      );
    },
    insert: (values) => {
      pending += values.map(copyField).join("\t") + "\n";
    },
    flush: async () => {
      if (!pending) return;
      const ok = copy.write(pending);
      pending = "";
      if (!ok) await once(copy, "drain");
    },
    finish: async () => {
      if (pending) copy.write(pending);
      copy.end();
      await done;
      await client.query("COMMIT");
      await client.end();
      await units.end();
    },
  };
}

async function main() {
  const { values } = parseArgs({ options: { db: { type: "string" }, file: { type: "string" } } });
  if (values.db === "postgres") process.env.TEST_DB = "postgres";
  else delete process.env.TEST_DB;
  const database = await createTestDatabase("bench_raw");
  process.env.DATABASE_URL = database.url;
  const { readRosterBatches, formatOf } = await import("../../lib/roster-import/read-file");
  const { headerOf } = await import("../../lib/roster-import/pipeline/check");
  const { ID_TYPE_LABELS } = await import("../../lib/roster-import/columns");
  const { INSERT_COLUMNS } = await import("../../lib/roster-import/record-columns");
  const { sealIdNumber } = await import("../../lib/security/id-number-seal");
  const { newId } = await import("../../lib/roster-import/ids");
  const { sqliteFilePath } = await import("../../lib/db/provider");
  const file = values.file as string;
  const format = formatOf(file);
  if (!format) throw new Error(`not a roster file: ${file}`);
  const columns = [...INSERT_COLUMNS, "graduationRegistered", "version", "createdAt", "updatedAt"];
  try {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const sink =
      database.provider === "postgres"
        ? await postgresSink(database.url, columns)
        : sqliteSink(sqliteFilePath(database.url), columns);
    const now = new Date();
    const at = database.provider === "postgres" ? now.toISOString() : ts(now);
    const colleges = new Map<string, string>();
    const majors = new Map<string, string>();
    const classes = new Map<string, string>();
    let positions: Record<string, number> | null = null;
    let rows = 0;
    for await (const batch of readRosterBatches(file, format)) {
      for (const { cells } of batch) {
        if (!positions) {
          positions = headerOf(cells).positions;
          continue;
        }
        const at_ = positions;
        const cell = (field: string) => String(cells[at_[field]] ?? "").trim();
        const collegeName = cell("college");
        let collegeId = colleges.get(collegeName);
        if (!collegeId) {
          collegeId = newId();
          colleges.set(collegeName, collegeId);
          const code = `C${String(colleges.size).padStart(2, "0")}`;
          await sink.unit("College", [collegeId, code, collegeName, at]);
        }
        const majorKey = `${collegeId}\u0000${cell("major")}`;
        let majorId = majors.get(majorKey);
        if (!majorId) {
          majorId = newId();
          majors.set(majorKey, majorId);
          await sink.unit("Major", [majorId, collegeId, cell("major"), at]);
        }
        const classKey = `${collegeId}\u0000${cell("classGroup")}`;
        let classGroupId = classes.get(classKey);
        if (!classGroupId) {
          classGroupId = newId();
          classes.set(classKey, classGroupId);
          await sink.unit("ClassGroup", [classGroupId, collegeId, majorId, cell("classGroup"), at]);
        }
        const sealed = sealIdNumber(cell("idNumber"));
        const enrolledOn = cell("enrolledOn");
        const record: Record<string, Value> = {
          id: newId(),
          studentNumber: cell("studentNumber"),
          schoolName: SCHOOL,
          name: cell("name"),
          gender: cell("gender"),
          birthDate: cell("birthDate"),
          ethnicity: cell("ethnicity"),
          idType: ID_TYPE_LABELS[cell("idType")] ?? "other",
          ...sealed,
          level: cell("level"),
          majorId,
          duration: cell("duration"),
          educationCategory: cell("educationCategory"),
          studyMode: cell("studyMode"),
          collegeId,
          department: cell("department"),
          classGroupId,
          enrolledOn,
          expectedGraduationOn: cell("expectedGraduationOn"),
          status: cell("status"),
          cohort: enrolledOn.slice(0, 4),
          accountId: null,
          examNumberIndex: null,
          graduationRegistered: database.provider === "postgres" ? "f" : 0,
          version: 1,
          createdAt: at,
          updatedAt: at,
        };
        sink.insert(columns.map((c) => record[c]));
        rows++;
      }
      await sink.flush();
    }
    await sink.finish();
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    console.log(JSON.stringify({ rows, ms, cpuMs: (c.user + c.system) / 1000, peakRssMb: peakRssMb() }));
  } finally {
    await database.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
