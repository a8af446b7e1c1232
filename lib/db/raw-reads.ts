import {
  ColumnTypeEnum,
  type ArgType,
  type ColumnType,
  type SqlDriverAdapter,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import { Prisma } from "./generated/sqlite/client";

/**
 * Reads outside any transaction, sent straight to the driver adapter Prisma itself uses. A `$queryRaw`
 * through the client serialises its parameters to JSON, parses them back, plans, interprets and maps the
 * result twice; on a signed-in page that was about two thirds of Prisma's share of the CPU, the statements'
 * own work the last third. The rows come back as `$queryRaw` gives them (tests/integration/db/
 * raw-reads.test.ts checks the types on both databases): dates as Date, 64-bit integers as bigint,
 * booleans as boolean, JSON parsed, bytes as Uint8Array, decimals as Prisma.Decimal.
 */
export type RawRead = <T = unknown>(
  query: TemplateStringsArray | Prisma.Sql,
  ...values: unknown[]
) => Promise<T>;

/** Parameters are typed by their JavaScript value, as Prisma's raw queries do (Date, boolean, bigint…). */
const ARG: ArgType = { scalarType: "unknown", arity: "scalar" };

export function rawReader(
  connect: () => Promise<SqlDriverAdapter>,
  options: { numbered: boolean; log: boolean },
): RawRead {
  let adapter: Promise<SqlDriverAdapter> | undefined;
  return (async (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
    const sql = query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
    const text = options.numbered ? sql.text : sql.sql;
    if (options.log) process.stderr.write(`[db:query] ${text.replace(/\s+/g, " ").slice(0, 300)}\n`);
    // connected on first use; a failed connection is tried again by the next read
    adapter ??= connect().catch((error: unknown) => {
      adapter = undefined;
      throw error;
    });
    const result = await (
      await adapter
    ).queryRaw({ sql: text, args: sql.values, argTypes: sql.values.map(() => ARG) });
    return rowObjects(result);
  }) as RawRead;
}

/** A result set as objects keyed by column name, each value as Prisma's `$queryRaw` returns it. */
export function rowObjects(result: SqlResultSet): Record<string, unknown>[] {
  const { columnNames, columnTypes, rows } = result;
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < columnNames.length; i++) out[columnNames[i]] = rawValue(row[i], columnTypes[i]);
    return out;
  });
}

function rawValue(value: unknown, type: ColumnType): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case ColumnTypeEnum.Int32:
      return Math.trunc(Number(value));
    case ColumnTypeEnum.Int64:
      return typeof value === "number" ? BigInt(Math.trunc(value)) : BigInt(value as string);
    case ColumnTypeEnum.Numeric:
      return new Prisma.Decimal(value as string);
    case ColumnTypeEnum.Boolean:
      return typeof value === "boolean" ? value : value === 1 || value === "true" || value === "1";
    case ColumnTypeEnum.Json:
      return typeof value === "string" ? JSON.parse(value) : value;
    case ColumnTypeEnum.Bytes:
      return Array.isArray(value) ? new Uint8Array(value) : value;
    case ColumnTypeEnum.DateTime:
    case ColumnTypeEnum.Date:
      return new Date(value as string);
    case ColumnTypeEnum.Time:
      return new Date(`1970-01-01T${value as string}Z`);
    case ColumnTypeEnum.Int32Array:
    case ColumnTypeEnum.Int64Array:
    case ColumnTypeEnum.NumericArray:
    case ColumnTypeEnum.BooleanArray:
    case ColumnTypeEnum.JsonArray:
    case ColumnTypeEnum.BytesArray:
    case ColumnTypeEnum.DateTimeArray:
    case ColumnTypeEnum.DateArray:
    case ColumnTypeEnum.TimeArray:
      return (value as unknown[]).map((v) => rawValue(v, ELEMENT[type] as ColumnType));
    default:
      return value;
  }
}

const ELEMENT: Partial<Record<ColumnType, ColumnType>> = {
  [ColumnTypeEnum.Int32Array]: ColumnTypeEnum.Int32,
  [ColumnTypeEnum.Int64Array]: ColumnTypeEnum.Int64,
  [ColumnTypeEnum.NumericArray]: ColumnTypeEnum.Numeric,
  [ColumnTypeEnum.BooleanArray]: ColumnTypeEnum.Boolean,
  [ColumnTypeEnum.JsonArray]: ColumnTypeEnum.Json,
  [ColumnTypeEnum.BytesArray]: ColumnTypeEnum.Bytes,
  [ColumnTypeEnum.DateTimeArray]: ColumnTypeEnum.DateTime,
  [ColumnTypeEnum.DateArray]: ColumnTypeEnum.Date,
  [ColumnTypeEnum.TimeArray]: ColumnTypeEnum.Time,
};
