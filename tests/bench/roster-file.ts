/**
 * Writes a roster file (the §6 import format) for N students of the demo university, streamed:
 *   npx tsx tests/bench/roster-file.ts --students 100000 --out data/bench/roster-100000.csv [--seed S]
 * .csv is UTF-8 with BOM; .xlsx uses exceljs's streaming writer with shared strings off (inline strings).
 */
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";
import { createPlan, generateRecords, type StudentRecord } from "../../prisma/seed/generate";
import { ID_TYPE_NAME, ROSTER_HEADERS } from "../../lib/roster-import/columns";

export function rosterCells(r: StudentRecord): string[] {
  return [
    r.name,
    r.gender,
    r.birthDate,
    r.ethnicity,
    ID_TYPE_NAME[r.idType],
    r.idNumber,
    r.level,
    r.majorName,
    r.duration,
    r.educationCategory,
    r.studyMode,
    r.collegeName,
    r.department,
    r.className,
    r.studentNumber,
    r.enrolledOn,
    r.expectedGraduationOn,
    r.status,
  ];
}

export async function writeRosterFile(file: string, students: number, seed = 2023): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const records = generateRecords(createPlan({ seed, students }));
  if (file.endsWith(".xlsx")) {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: file,
      useSharedStrings: false,
      useStyles: false,
    });
    const sheet = workbook.addWorksheet("学籍名单");
    sheet.addRow([...ROSTER_HEADERS]).commit();
    for (const record of records) sheet.addRow(rosterCells(record)).commit();
    sheet.commit();
    await workbook.commit();
    return;
  }
  const out = createWriteStream(file, { encoding: "utf8" });
  out.write("\uFEFF" + ROSTER_HEADERS.join(",") + "\r\n");
  for (const record of records) {
    if (!out.write(rosterCells(record).join(",") + "\r\n")) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

if (process.argv[1]?.endsWith("roster-file.ts")) {
  const { values } = parseArgs({
    options: {
      students: { type: "string", default: "100000" },
      out: { type: "string" },
      seed: { type: "string", default: "2023" },
    },
  });
  const out = values.out ?? `data/bench/roster-${values.students}.csv`;
  const started = performance.now();
  writeRosterFile(out, Number(values.students), Number(values.seed)).then(() =>
    console.log(`${out}: ${values.students} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`),
  );
}
