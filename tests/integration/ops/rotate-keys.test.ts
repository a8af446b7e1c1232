/**
 * Key rotation for ID numbers on the run's database provider: a demo university sealed with key A, then
 * the app configured with key B (A as the previous key), a rotation interrupted part-way, the portal still
 * reading and finding every number, `npm run keys:rotate` resuming, and finally only key B left.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, type Db } from "@/lib/db/client";
import { rotateIdNumberKeys, rowsLeftToRotate } from "@/lib/ops/rotate-keys";
import { sealValue, openValue } from "@/lib/records/view";
import { examNumberIndex, examNumberIndexes } from "@/lib/roster-import/exam-number";
import { blindIndex, blindIndexes, decrypt, encrypt, sealedWithCurrentKey } from "@/lib/security/crypto";
import { DEFAULT_DEMO_STAFF_PASSWORD } from "../../../prisma/seed/demo-students";
import { loadDemoUniversity } from "../../../prisma/seed/load";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { npmRun } from "./support";

const KEY_VARIABLES = [
  "DATA_ENCRYPTION_KEY",
  "BLIND_INDEX_KEY",
  "DATA_ENCRYPTION_KEY_PREVIOUS",
  "BLIND_INDEX_KEY_PREVIOUS",
] as const;
const saved = Object.fromEntries(KEY_VARIABLES.map((v) => [v, process.env[v]]));
const key = () => randomBytes(32).toString("base64");
const A = { enc: key(), index: key() };
const B = { enc: key(), index: key() };

function useKeys(current: typeof A, previous?: typeof A) {
  process.env.DATA_ENCRYPTION_KEY = current.enc;
  process.env.BLIND_INDEX_KEY = current.index;
  if (previous) {
    process.env.DATA_ENCRYPTION_KEY_PREVIOUS = previous.enc;
    process.env.BLIND_INDEX_KEY_PREVIOUS = previous.index;
  } else {
    delete process.env.DATA_ENCRYPTION_KEY_PREVIOUS;
    delete process.env.BLIND_INDEX_KEY_PREVIOUS;
  }
}

let database: TestDatabase;
let client: Db;
/** account id → its ID number, read before the rotation */
const accountIds = new Map<string, string>();
const recordIds = new Map<string, string>();
let historyId: string;
let examRecordId: string;
let caseId: string;
const CASE_NEW_ID = "11010519491231002X";

beforeAll(async () => {
  useKeys(A);
  database = await createTestDatabase("rotate");
  client = createClient(database.url);
  await loadDemoUniversity(client, {
    url: database.url,
    seed: 7,
    students: 40,
    schoolName: "轮换测试大学",
    staffPassword: DEFAULT_DEMO_STAFF_PASSWORD,
  });
  for (const a of await client.account.findMany()) accountIds.set(a.id, decrypt(a.idNumberEnc));
  for (const r of await client.enrollmentRecord.findMany()) recordIds.set(r.id, decrypt(r.idNumberEnc));
  // A 考生号 on the record rotated last (only its keyed hash is stored)
  const last = await client.enrollmentRecord.findFirstOrThrow({ orderBy: { id: "desc" } });
  examRecordId = last.id;
  await client.enrollmentRecord.update({
    where: { id: last.id },
    data: { examNumberIndex: examNumberIndex("23110101150123") },
  });
  // A correction's history (an ID number sealed inside text) and an identity case (index + two sealed values).
  const record = await client.enrollmentRecord.findFirstOrThrow({ where: { accountId: { not: null } } });
  const account = await client.account.findUniqueOrThrow({ where: { id: record.accountId as string } });
  historyId = (
    await client.recordHistory.create({
      data: {
        recordId: record.id,
        field: "idNumber",
        beforeValue: sealValue("idNumber", recordIds.get(record.id) as string),
        afterValue: sealValue("idNumber", CASE_NEW_ID),
        source: "correction",
        recordVersion: 2,
      },
    })
  ).id;
  caseId = (
    await client.identityCase.create({
      data: {
        accountId: account.id,
        kind: "account_change",
        idNumberIndex: account.idNumberIndex,
        idMasked: "1101**********002X",
        requestedIdEnc: encrypt(CASE_NEW_ID),
        beforeIdEnc: account.idNumberEnc,
      },
    })
  ).id;
}, 180_000);

afterAll(async () => {
  for (const v of KEY_VARIABLES) {
    if (saved[v] === undefined) delete process.env[v];
    else process.env[v] = saved[v];
  }
  await client?.$disconnect();
  await database?.drop();
});

/** What the portal does with a typed ID number: find the accounts holding it. */
async function accountsWithIdNumber(idNumber: string) {
  return client.account.findMany({
    where: { idNumberIndex: { in: blindIndexes(idNumber) } },
    select: { id: true },
  });
}

async function expectEverythingReadable() {
  for (const a of await client.account.findMany()) {
    expect(decrypt(a.idNumberEnc)).toBe(accountIds.get(a.id));
    expect((await accountsWithIdNumber(accountIds.get(a.id) as string)).map((x) => x.id)).toContain(a.id);
  }
  for (const r of await client.enrollmentRecord.findMany()) {
    expect(decrypt(r.idNumberEnc)).toBe(recordIds.get(r.id));
    const found = await client.enrollmentRecord.count({
      where: { id: r.id, idNumberIndex: { in: blindIndexes(recordIds.get(r.id) as string) } },
    });
    expect(found).toBe(1);
  }
  const history = await client.recordHistory.findUniqueOrThrow({ where: { id: historyId } });
  expect(openValue(history.afterValue)).toBe(CASE_NEW_ID);
  const identityCase = await client.identityCase.findUniqueOrThrow({ where: { id: caseId } });
  expect(decrypt(identityCase.requestedIdEnc as string)).toBe(CASE_NEW_ID);
  expect(decrypt(identityCase.beforeIdEnc as string)).toBe(accountIds.get(identityCase.accountId));
  expect(blindIndexes(accountIds.get(identityCase.accountId) as string)).toContain(
    identityCase.idNumberIndex,
  );
}

describe("ID-number key rotation", () => {
  it("starts with every number sealed and indexed with key A", async () => {
    expect(accountIds.size).toBeGreaterThanOrEqual(5);
    expect(recordIds.size).toBe(40);
    await expectEverythingReadable();
    expect(await rowsLeftToRotate(client)).toBe(0);
  });

  it("with key B configured (A previous), an interrupted rotation leaves everything readable and findable", async () => {
    useKeys(B, A);
    const total = await rowsLeftToRotate(client);
    expect(total).toBeGreaterThanOrEqual(accountIds.size + recordIds.size + 2);
    await expectEverythingReadable();

    // a 考生号 hashed with key A still matches while A is the previous key
    const examRecord = await client.enrollmentRecord.findUniqueOrThrow({ where: { id: examRecordId } });
    expect(examNumberIndexes("23110101150123")).toContain(examRecord.examNumberIndex);

    const partial = await rotateIdNumberKeys(client, { stopAfter: 12 });
    expect(partial).toMatchObject({ finished: false, rowsUpdated: 12, unreadable: 0 });
    expect(await rowsLeftToRotate(client)).toBe(total - 12);
    // part rotated, part not: the portal reads and finds both
    const accounts = await client.account.findMany();
    expect(accounts.some((a) => sealedWithCurrentKey(a.idNumberEnc))).toBe(true);
    await expectEverythingReadable();
  });

  it("npm run keys:rotate resumes where it stopped and finishes", async () => {
    const before = await rowsLeftToRotate(client);
    const run = await npmRun("keys:rotate", [], {
      DATABASE_URL: database.url,
      DATA_ENCRYPTION_KEY: B.enc,
      BLIND_INDEX_KEY: B.index,
      DATA_ENCRYPTION_KEY_PREVIOUS: A.enc,
      BLIND_INDEX_KEY_PREVIOUS: A.index,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`keys:rotate: ${before} rows re-encrypted/re-indexed`);
    expect(run.stdout).toContain("values readable with neither key");
    expect(run.stdout).toContain("keys:rotate: done.");
    expect(run.stdout).toContain("1 考生号 hashes cleared");
    expect(await rowsLeftToRotate(client)).toBe(0);
  });

  it("afterwards only key B is needed, every index is key B's, and a second run changes nothing", async () => {
    useKeys(B);
    await expectEverythingReadable();
    for (const a of await client.account.findMany()) {
      expect(sealedWithCurrentKey(a.idNumberEnc)).toBe(true);
      expect(a.idNumberIndex).toBe(blindIndex(accountIds.get(a.id) as string));
      if (a.verifiedIdIndex) expect(a.verifiedIdIndex).toBe(a.idNumberIndex);
    }
    const identityCase = await client.identityCase.findUniqueOrThrow({ where: { id: caseId } });
    expect(identityCase.idNumberIndex).toBe(blindIndex(accountIds.get(identityCase.accountId) as string));
    const history = await client.recordHistory.findUniqueOrThrow({ where: { id: historyId } });
    expect(history.beforeValue.startsWith("enc:v2.")).toBe(true);
    // the 考生号 itself is not stored: its old hash is cleared (roster evidence then goes to support)
    const examRecord = await client.enrollmentRecord.findUniqueOrThrow({ where: { id: examRecordId } });
    expect(examRecord.examNumberIndex).toBeNull();

    useKeys(B, A);
    const again = await rotateIdNumberKeys(client);
    expect(again).toMatchObject({ finished: true, rowsUpdated: 0, unreadable: 0 });
  });

  it("refuses to run without the previous keys", async () => {
    const run = await npmRun("keys:rotate", [], {
      DATABASE_URL: database.url,
      DATA_ENCRYPTION_KEY: B.enc,
      BLIND_INDEX_KEY: B.index,
      DATA_ENCRYPTION_KEY_PREVIOUS: "",
      BLIND_INDEX_KEY_PREVIOUS: "",
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("set DATA_ENCRYPTION_KEY_PREVIOUS and BLIND_INDEX_KEY_PREVIOUS");
  });
});
