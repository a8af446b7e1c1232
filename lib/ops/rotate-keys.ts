import "server-only";
import type { Db } from "@/lib/db/client";
import { blindIndex, blindIndexWith, decrypt, encrypt, sealedWithCurrentKey } from "@/lib/security/crypto";
import { previousBlindIndexKey } from "@/lib/security/keys";

/**
 * Key rotation for ID numbers (npm run keys:rotate, docs/operations.md): every value sealed with the previous
 * DATA_ENCRYPTION_KEY is sealed again with the current one, and every blind index made with the previous
 * BLIND_INDEX_KEY is replaced by the current key's. Resumable: the per-row progress marker is the key id in
 * each ciphertext (lib/security/crypto.ts) and the index's form, so a second run continues where an
 * interrupted one stopped and a finished table is only read. While it runs, the app (started with both the
 * current and the *_PREVIOUS keys) reads values and looks up numbers under either key.
 *
 * Each row is updated only if the columns it rewrites still hold what was read (a concurrent change by the
 * app wins; that change was made with the current keys anyway).
 */
type TableSpec = {
  model: string;
  /** columns holding one sealed value */
  sealed: string[];
  /** columns holding text or JSON with sealed values inside ("enc:v2…" in history, audit snapshots) */
  embedded: string[];
  /** blind-index columns */
  indexes: string[];
  /**
   * keyed hashes of values that are not stored anywhere (the 考生号), so they cannot be made again with the
   * new key: cleared when the row is rotated (the row's ID number still under the old key says the hash is
   * old too). The next roster import with the column sets them again; until then such a student's roster
   * evidence goes to the support queue instead of being refused.
   */
  unrecoverable?: string[];
};

const TABLES: TableSpec[] = [
  { model: "account", sealed: ["idNumberEnc"], embedded: [], indexes: ["idNumberIndex", "verifiedIdIndex"] },
  {
    model: "enrollmentRecord",
    sealed: ["idNumberEnc"],
    embedded: [],
    indexes: ["idNumberIndex"],
    unrecoverable: ["examNumberIndex"],
  },
  {
    model: "identityCase",
    sealed: ["requestedIdEnc", "beforeIdEnc"],
    embedded: [],
    indexes: ["idNumberIndex"],
  },
  { model: "recordHistory", sealed: [], embedded: ["beforeValue", "afterValue"], indexes: [] },
  { model: "correctionItem", sealed: [], embedded: ["currentValue", "requestedValue"], indexes: [] },
  { model: "auditLog", sealed: [], embedded: ["before", "after"], indexes: [] },
  { model: "importJob", sealed: [], embedded: ["summary"], indexes: [] },
  { model: "oidcAuthState", sealed: ["codeVerifierEnc"], embedded: [], indexes: [] },
];

/** Where the ID numbers are whose old and new indexes the index columns are mapped through. */
const ID_NUMBER_SOURCES: { model: string; columns: string[] }[] = [
  { model: "account", columns: ["idNumberEnc"] },
  { model: "enrollmentRecord", columns: ["idNumberEnc"] },
  { model: "identityCase", columns: ["requestedIdEnc", "beforeIdEnc"] },
];

// A sealed value (v2 with key id, or v1 before key ids) anywhere in a text.
const TOKEN =
  /(?<![A-Za-z0-9_-])(?:v2\.[A-Za-z0-9_-]{8}\.|v1\.)[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]*/g;

export type RotationReport = {
  rowsUpdated: number;
  rowsCurrent: number;
  /** values that decrypt with neither key, or indexes of no known ID number: left as they are */
  unreadable: number;
  /** 考生号 hashes cleared (see TableSpec.unrecoverable) */
  hashesCleared: number;
  /** false when stopped by `stopAfter` before every row was looked at */
  finished: boolean;
  perTable: Record<string, number>;
};

type Row = Record<string, string | null> & { id: string };
type Delegate = {
  findMany(args: unknown): Promise<Row[]>;
  updateMany(args: unknown): Promise<{ count: number }>;
};

const BATCH = 500;

export async function rotateIdNumberKeys(
  client: Db,
  options: { stopAfter?: number; onProgress?: (table: string, rows: number) => void } = {},
): Promise<RotationReport> {
  const report: RotationReport = {
    rowsUpdated: 0,
    rowsCurrent: 0,
    unreadable: 0,
    hashesCleared: 0,
    finished: true,
    perTable: {},
  };
  const indexMap = await indexTranslation(client);

  for (const table of TABLES) {
    const delegate = (client as unknown as Record<string, Delegate>)[table.model];
    const columns = [...table.sealed, ...table.embedded, ...table.indexes, ...(table.unrecoverable ?? [])];
    const select = Object.fromEntries([["id", true], ...columns.map((c) => [c, true])]);
    let cursor: string | undefined;
    let seen = 0;
    for (;;) {
      const rows = await delegate.findMany({
        select,
        where: cursor ? { id: { gt: cursor } } : undefined,
        orderBy: { id: "asc" },
        take: BATCH,
      });
      if (rows.length === 0) break;
      for (const row of rows) {
        if (options.stopAfter !== undefined && report.rowsUpdated >= options.stopAfter) {
          report.finished = false;
          return report;
        }
        const change = rotatedColumns(row, table, indexMap, report);
        if (Object.keys(change).length === 0) {
          report.rowsCurrent++;
          continue;
        }
        const where = { id: row.id, ...Object.fromEntries(Object.keys(change).map((c) => [c, row[c]])) };
        const { count } = await delegate.updateMany({ where, data: change });
        if (count === 1) {
          report.rowsUpdated++;
          report.perTable[table.model] = (report.perTable[table.model] ?? 0) + 1;
        }
      }
      seen += rows.length;
      options.onProgress?.(table.model, seen);
      cursor = rows[rows.length - 1].id;
    }
  }
  return report;
}

/** Rows still to do: sealed with a key other than the current one, or indexed with the previous key. */
export async function rowsLeftToRotate(client: Db): Promise<number> {
  const indexMap = await indexTranslation(client);
  const scratch: RotationReport = {
    rowsUpdated: 0,
    rowsCurrent: 0,
    unreadable: 0,
    hashesCleared: 0,
    finished: true,
    perTable: {},
  };
  let left = 0;
  for (const table of TABLES) {
    const delegate = (client as unknown as Record<string, Delegate>)[table.model];
    const columns = [...table.sealed, ...table.embedded, ...table.indexes, ...(table.unrecoverable ?? [])];
    let cursor: string | undefined;
    for (;;) {
      const rows = await delegate.findMany({
        select: Object.fromEntries([["id", true], ...columns.map((c) => [c, true])]),
        where: cursor ? { id: { gt: cursor } } : undefined,
        orderBy: { id: "asc" },
        take: 5000,
      });
      if (rows.length === 0) break;
      for (const row of rows)
        if (Object.keys(rotatedColumns(row, table, indexMap, scratch)).length > 0) left++;
      cursor = rows[rows.length - 1].id;
    }
  }
  return left;
}

function rotatedColumns(
  row: Row,
  table: TableSpec,
  indexMap: Map<string, string>,
  report: RotationReport,
): Record<string, string | null> {
  const change: Record<string, string | null> = {};
  for (const column of table.sealed) {
    const value = row[column];
    if (!value || sealedWithCurrentKey(value)) continue;
    const resealed = reseal(value);
    if (resealed === null) report.unreadable++;
    else change[column] = resealed;
  }
  // The row's own ID number still under the old key: its unrecoverable hashes are old too.
  const rowIsOld = table.sealed.some((c) => change[c] !== undefined);
  for (const column of table.unrecoverable ?? []) {
    if (rowIsOld && row[column]) {
      change[column] = null;
      report.hashesCleared++;
    }
  }
  for (const column of table.embedded) {
    const value = row[column];
    if (!value) continue;
    const next = value.replace(TOKEN, (token) => {
      if (sealedWithCurrentKey(token)) return token;
      const resealed = reseal(token);
      if (resealed === null) {
        report.unreadable++;
        return token;
      }
      return resealed;
    });
    if (next !== value) change[column] = next;
  }
  for (const column of table.indexes) {
    const value = row[column];
    if (!value) continue;
    const next = indexMap.get(value);
    if (next === undefined) report.unreadable++;
    else if (next !== value) change[column] = next;
  }
  return change;
}

function reseal(sealed: string): string | null {
  try {
    return encrypt(decrypt(sealed));
  } catch {
    return null;
  }
}

/**
 * Every stored ID number's index under the previous key → its index under the current one (and the
 * current one → itself), from the numbers the database holds encrypted.
 */
async function indexTranslation(client: Db): Promise<Map<string, string>> {
  const previous = previousBlindIndexKey();
  const map = new Map<string, string>();
  for (const source of ID_NUMBER_SOURCES) {
    const delegate = (client as unknown as Record<string, Delegate>)[source.model];
    let cursor: string | undefined;
    for (;;) {
      const rows = await delegate.findMany({
        select: Object.fromEntries([["id", true], ...source.columns.map((c) => [c, true])]),
        where: cursor ? { id: { gt: cursor } } : undefined,
        orderBy: { id: "asc" },
        take: 5000,
      });
      if (rows.length === 0) break;
      for (const row of rows) {
        for (const column of source.columns) {
          const sealed = row[column];
          if (!sealed) continue;
          let idNumber: string;
          try {
            idNumber = decrypt(sealed);
          } catch {
            continue;
          }
          const current = blindIndex(idNumber);
          map.set(current, current);
          if (previous) map.set(blindIndexWith(previous, idNumber), current);
        }
      }
      cursor = rows[rows.length - 1].id;
    }
  }
  return map;
}
