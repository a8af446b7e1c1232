import "server-only";
import type { Pool } from "pg";
import {
  RateLimiterPostgres,
  RateLimiterPrisma,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { db, readRaw } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { databaseUrl, providerOf } from "@/lib/db/provider";
import { createPgPool } from "@/lib/db/pg-pool";

/**
 * Named limits, each used somewhere (tests/unit/security/limits-used.test.ts); docs/security.md lists them
 * with where they are enforced. Limits counted from rows (photo uploads and 同学协助 requests per day,
 * lib/identity-cases/rules.ts) are not repeated here. On PostgreSQL the counters live in the shared database
 * (atomic upserts), so several app instances enforce one limit; on SQLite (one instance) they live in the
 * same file through Prisma.
 */
export const LIMITS = {
  smsPerPhoneMinute: { points: 1, duration: 60 },
  smsPerPhoneDay: { points: 10, duration: 86_400 },
  /** caps SMS cost from one address; a campus NAT puts a whole dormitory behind one IP, hence not lower */
  smsPerIpHour: { points: 200, duration: 3_600 },
  /** the 15-minute lock is set explicitly (block) by the 10th verified failure, not by counting past 10 */
  loginFailuresPerAccount: { points: 10, duration: 900 },
  loginFailuresPerIp: { points: 50, duration: 900 },
  /** staff: the lock is per account and source address (lib/staff/sign-in.ts), so strangers cannot use it */
  staffLoginFailuresPerAccountAndAddress: { points: 10, duration: 900 },
  /**
   * 找回用户名 / 找回密码: the limit that matters is per target identity (5 wrong tries an hour). The address
   * ceiling is far higher because a campus NAT puts a dormitory behind one address; with the captcha on
   * every try it still caps one machine's probing.
   */
  recoveryFailuresPerIdentityHour: { points: 5, duration: 3_600 },
  recoveryFailuresPerIpHour: { points: 60, duration: 3_600 },
  securityAnswerFailuresPerAccount: { points: 5, duration: 3_600 },
  emailPerAddressMinute: { points: 1, duration: 60 },
  emailPerAddressDay: { points: 10, duration: 86_400 },
  /** 同学协助 requests naming no eligible classmate (stops probing who is registered) */
  assistLookupFailuresPerDay: { points: 10, duration: 86_400 },
  /** 提供学籍信息 attempts whose 学号 + 入学日期 did not match */
  rosterEvidenceFailuresPerDay: { points: 5, duration: 86_400 },
  apiPerTokenMinute: { points: 600, duration: 60 },
  recordBindingPerAccountDay: { points: 10, duration: 86_400 },
  /** 换一张: new picture captchas one address may ask for (each is a database row) */
  captchaRefreshPerIpMinute: { points: 20, duration: 60 },
  /** 手机号释放 requests filed from one address */
  phoneReleasesPerIpDay: { points: 10, duration: 86_400 },
  /** students' phone numbers one staff member may reveal (a counsellor calls a class, not a college) */
  phoneRevealsPerStaffHour: { points: 60, duration: 3_600 },
  /** external sign-in flows started from one address (each stores a short-lived state row) */
  externalSignInStartsPerIpMinute: { points: 30, duration: 60 },
  /** 下载我的数据: copies of one account's data a day (each reads every row and file of the account) */
  dataExportsPerAccountDay: { points: 5, duration: 86_400 },
  /** 注销账号 requests one account may file a day (withdrawn ones count too) */
  closureRequestsPerAccountDay: { points: 3, duration: 86_400 },
  /** test SMS / e-mails from /admin/settings: each may cost money and lands on someone's phone */
  testMessagesPerStaffHour: { points: 5, duration: 3_600 },
  /** bulk staff files (previews and creations together) per admin */
  staffBulkPerAdminHour: { points: 20, duration: 3_600 },
} as const satisfies Record<string, { points: number; duration: number; blockDuration?: number }>;

export type LimitName = keyof typeof LIMITS;

const limiters = new Map<LimitName, Promise<RateLimiterAbstract>>();
let pool: Pool | undefined;

let pgTable: Promise<void> | undefined;

/**
 * RateLimiterPostgres creates its table asynchronously after construction and refuses calls until then
 * ("Table is not created yet"). The table is created once per process (one CREATE at a time, so limiters
 * do not race each other) and every limiter is built after it exists. A failure (another instance creating
 * it at the same moment) is retried on the next call.
 */
function ensurePgTable(storeClient: Pool): Promise<void> {
  pgTable ??= new Promise<void>((resolve, reject) => {
    new RateLimiterPostgres(
      { storeClient, tableName: "rate_limits", keyPrefix: "init", points: 1, duration: 1 },
      (err?: unknown) => (err ? reject(err) : resolve()),
    );
  }).catch((err) => {
    pgTable = undefined;
    throw err;
  });
  return pgTable;
}

/** The limiter for a name, once usable. */
function limiter(name: LimitName): Promise<RateLimiterAbstract> {
  const existing = limiters.get(name);
  if (existing) return existing;
  const opts = { keyPrefix: name, ...LIMITS[name] };
  const url = databaseUrl();
  let created: Promise<RateLimiterAbstract>;
  if (providerOf(url) === "postgresql") {
    pool ??= createPgPool({ connectionString: url, max: 4 });
    const storeClient = pool;
    created = ensurePgTable(storeClient).then(
      () =>
        new RateLimiterPostgres({
          ...opts,
          storeClient,
          tableName: "rate_limits",
          tableCreated: true,
          clearExpiredByTimeout: true,
        }),
    );
    created.catch(() => limiters.delete(name));
  } else {
    created = Promise.resolve(
      new RateLimiterPrisma({ ...opts, storeClient: db, tableName: "rateLimiterFlexible" }),
    );
  }
  limiters.set(name, created);
  return created;
}

export type LimitResult =
  { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number; retryAt: Date };

function refused(ms: number): LimitResult {
  const retryAfterSeconds = Math.max(1, Math.ceil(ms / 1000));
  return { ok: false, retryAfterSeconds, retryAt: new Date(Date.now() + retryAfterSeconds * 1000) };
}

const onSqlite = () => providerOf(databaseUrl()) === "sqlite";
const storedKey = (name: LimitName, key: string) => `${name}:${key}`;
type CounterRow = { points: number | bigint; expire: unknown };
/** A timestamp as a raw query hands it back (SQLite: ISO text, a Date or epoch ms; PostgreSQL: bigint ms). */
const msOf = (value: unknown): number =>
  value instanceof Date
    ? value.getTime()
    : typeof value === "bigint"
      ? Number(value)
      : new Date(value as string | number).getTime();

/*
 * The sign-in counters' frequent changes (counting an attempt, taking one back, clearing) are made here as
 * raw statements on the limiters' own rows instead of through the limiter (RateLimiterPrisma changes a row
 * with a find and an update in an interactive transaction; RateLimiterPostgres with one statement on its
 * own connection each) — the same rows, the same rules — so that several of them, and the writes that go
 * with them, commit together: one commit instead of one per change, and no query compilation. The limiters
 * still read, set the explicit locks (`block`), clear expired rows and count every other limit.
 *   SQLite: RateLimiterPrisma's rows, "RateLimiterFlexible" (expire a date; a row without one restarts).
 *   PostgreSQL: RateLimiterPostgres's rows, rate_limits (expire in epoch ms; a row without one keeps adding
 *   up), a table the limiter creates: `pgCounters` waits for it.
 */

/** One counter changed by `points` (its window restarted at `now` if it had run out), as SQL. */
function counterChangeSql(name: LimitName, key: string, points: number, now: Date, returning: boolean) {
  const tail = returning ? Prisma.sql`RETURNING points, expire` : Prisma.empty;
  if (onSqlite()) {
    void limiter(name);
    const expire = new Date(now.getTime() + LIMITS[name].duration * 1000);
    return Prisma.sql`
      INSERT INTO "RateLimiterFlexible" ("key", "points", "expire")
      VALUES (${storedKey(name, key)}, ${points}, ${expire})
      ON CONFLICT ("key") DO UPDATE SET
        "points" = CASE WHEN "expire" IS NULL OR "expire" <= ${now} THEN excluded."points"
          ELSE "points" + excluded."points" END,
        "expire" = CASE WHEN "expire" IS NULL OR "expire" <= ${now} THEN excluded."expire" ELSE "expire" END
      ${tail}`;
  }
  const at = BigInt(now.getTime());
  const expire = at + BigInt(LIMITS[name].duration * 1000);
  return Prisma.sql`
    INSERT INTO rate_limits (key, points, expire) VALUES (${storedKey(name, key)}, ${points}, ${expire})
    ${pgCounterConflict(Prisma.sql, at)}
    ${tail}`;
}

/**
 * PostgreSQL: what an upsert of rate_limits rows does to a row that exists — RateLimiterPostgres's rule: a
 * window that has run out by `at` restarts with the new row, otherwise the points add up. Written once, for a
 * statement built with Prisma's `sql` (a parameter) and for one sent on the limiters' pool (`String.raw`, a
 * placeholder such as `$3`).
 */
function pgCounterConflict<T>(
  tag: (strings: TemplateStringsArray, ...values: unknown[]) => T,
  at: unknown,
): T {
  return tag`ON CONFLICT (key) DO UPDATE SET
      points = CASE WHEN rate_limits.expire <= ${at} THEN excluded.points
        ELSE rate_limits.points + excluded.points END,
      expire = CASE WHEN rate_limits.expire <= ${at} THEN excluded.expire ELSE rate_limits.expire END`;
}

function counterDeleteSql(name: LimitName, key: string) {
  if (onSqlite()) {
    void limiter(name);
    return Prisma.sql`DELETE FROM "RateLimiterFlexible" WHERE "key" = ${storedKey(name, key)}`;
  }
  return Prisma.sql`DELETE FROM rate_limits WHERE key = ${storedKey(name, key)}`;
}

const counterChange = (name: LimitName, key: string, points: number, now: Date) =>
  db.$queryRaw<CounterRow[]>(counterChangeSql(name, key, points, now, true));

/** PostgreSQL: the limiters' pool, once their table exists. */
async function pgCounters(names: readonly LimitName[]): Promise<Pool> {
  await Promise.all([...new Set(names)].map((name) => limiter(name)));
  if (!pool) throw new Error("the rate limiters' PostgreSQL pool is not open");
  return pool;
}

/**
 * PostgreSQL: one event counted against each of several counters in one statement (one commit): the
 * limiter's upsert over the rows of an array. Keys must differ (a row cannot be changed twice in one
 * statement).
 */
async function pgCountMany(events: readonly CountedEvent[], now: Date): Promise<Map<string, CounterRow>> {
  const store = await pgCounters(events.map((e) => e.name));
  const at = now.getTime();
  const { rows } = await store.query<{ key: string; points: number; expire: string | null }>({
    name: "counters-count-many",
    text: `INSERT INTO rate_limits (key, points, expire)
      SELECT k, 1, $3::bigint + d FROM unnest($1::text[], $2::bigint[]) AS e(k, d)
      ${pgCounterConflict(String.raw, "$3")}
      RETURNING key, points, expire`,
    values: [
      events.map((e) => storedKey(e.name, e.key)),
      events.map((e) => LIMITS[e.name].duration * 1000),
      at,
    ],
  });
  // pg hands a bigint back as text
  return new Map(
    rows.map((r) => [r.key, { points: r.points, expire: r.expire === null ? null : Number(r.expire) }]),
  );
}

/** count()'s answer from a counter row as the upsert left it (rate-limiter-flexible's consume rules). */
function counted(name: LimitName, row: CounterRow | undefined): { used: number; result: LimitResult } {
  const used = Number(row?.points ?? 0);
  const msBeforeNext = row?.expire == null ? -1 : Math.max(msOf(row.expire) - Date.now(), 0);
  if (used > LIMITS[name].points) return { used, result: refused(msBeforeNext) };
  return { used, result: { ok: true, remaining: Math.max(LIMITS[name].points - used, 0) } };
}

/** Counts one event against a limit; refuses when the limit is used up. */
export async function consume(name: LimitName, key: string, points = 1): Promise<LimitResult> {
  try {
    const res = await (await limiter(name)).consume(key, points);
    return { ok: true, remaining: res.remainingPoints };
  } catch (e) {
    if (e instanceof RateLimiterRes) return refused(e.msBeforeNext);
    throw e;
  }
}

/**
 * Counts one event and says which one it was (`used`, this event included), also when the limit is used
 * up. One atomic upsert (PostgreSQL: INSERT … ON CONFLICT … RETURNING; SQLite: the same, raw), so
 * concurrent callers each get their own number: count first, then decide.
 */
export async function count(name: LimitName, key: string): Promise<{ used: number; result: LimitResult }> {
  if (onSqlite()) return counted(name, (await counterChange(name, key, 1, new Date()))[0]);
  try {
    const res = await (await limiter(name)).consume(key, 1);
    return { used: res.consumedPoints, result: { ok: true, remaining: res.remainingPoints } };
  } catch (e) {
    if (e instanceof RateLimiterRes) return { used: e.consumedPoints, result: refused(e.msBeforeNext) };
    throw e;
  }
}

export type CountedEvent = { name: LimitName; key: string };

/** count() for several limits at once, committed together; answers in the same order. */
export async function countAll(
  events: readonly CountedEvent[],
): Promise<{ used: number; result: LimitResult }[]> {
  const now = new Date();
  if (onSqlite()) {
    const rows = await db.$transaction(events.map((e) => counterChange(e.name, e.key, 1, now)));
    return rows.map(([row], i) => counted(events[i].name, row));
  }
  const keys = events.map((e) => storedKey(e.name, e.key));
  if (new Set(keys).size < keys.length) return Promise.all(events.map((e) => count(e.name, e.key)));
  const rows = await pgCountMany(events, now);
  return events.map((e, i) => counted(e.name, rows.get(keys[i])));
}

/**
 * Clears counters (`reset`) and takes back events (`refund`) together with other writes (plain statements),
 * all committed at once or not at all. PostgreSQL: one statement (the changes as parts of one WITH), so a
 * sign-in's last step is one round trip, not a transaction of six; SQLite: one transaction.
 */
export async function changeCountersWith(
  changes: { reset?: readonly CountedEvent[]; refund?: readonly CountedEvent[] },
  writes: readonly Prisma.Sql[],
): Promise<void> {
  const reset_ = changes.reset ?? [];
  const refund_ = changes.refund ?? [];
  const now = new Date();
  const statements = [
    ...reset_.map((e) => counterDeleteSql(e.name, e.key)),
    ...refund_.map((e) => counterChangeSql(e.name, e.key, -1, now, false)),
    ...writes,
  ];
  const counters = [...reset_, ...refund_];
  if (!onSqlite()) await pgCounters(counters.map((e) => e.name));
  const keys = counters.map((e) => storedKey(e.name, e.key));
  // the parts of one statement see the same snapshot: a counter named twice is changed in sequence instead
  if (onSqlite() || new Set(keys).size < keys.length) {
    await db.$transaction(statements.map((statement) => db.$executeRaw(statement)));
    return;
  }
  const parts = statements.map((statement, i) => Prisma.sql`${Prisma.raw(`w${i}`)} AS (${statement})`);
  await db.$executeRaw`WITH ${Prisma.join(parts, ", ")} SELECT 1`;
}

/** Takes back one counted event (an attempt that turned out not to count, e.g. a missing captcha). */
export async function refund(name: LimitName, key: string, points = 1): Promise<void> {
  if (onSqlite()) await counterChange(name, key, -points, new Date());
  else await (await limiter(name)).reward(key, points);
}

/** Whether the limit is already used up, without counting anything. */
export async function peek(name: LimitName, key: string): Promise<LimitResult> {
  return (await limitState(name, key)).result;
}

/** Whether the limit is used up and how many events were counted, from one read. */
export async function limitState(
  name: LimitName,
  key: string,
): Promise<{ result: LimitResult; used: number }> {
  const res = await stored(name, key);
  if (!res) return { result: { ok: true, remaining: LIMITS[name].points }, used: 0 };
  const remaining = Math.max(LIMITS[name].points - res.used, 0);
  const blockedUntil = remaining <= 0 && res.msBeforeNext > 0;
  return { result: blockedUntil ? refused(res.msBeforeNext) : { ok: true, remaining }, used: res.used };
}

/** The counter of the current window (rate-limiter-flexible's get; on SQLite one raw read). */
async function stored(name: LimitName, key: string): Promise<{ used: number; msBeforeNext: number } | null> {
  if (!onSqlite()) {
    const res = await (await limiter(name)).get(key);
    return res ? { used: res.consumedPoints, msBeforeNext: res.msBeforeNext } : null;
  }
  void limiter(name);
  const [row] = await readRaw<CounterRow[]>`
    SELECT "points", "expire" FROM "RateLimiterFlexible"
    WHERE "key" = ${storedKey(name, key)} AND ("expire" > ${new Date()} OR "expire" IS NULL)`;
  if (!row) return null;
  return {
    used: Number(row.points),
    msBeforeNext: row.expire == null ? -1 : Math.max(msOf(row.expire) - Date.now(), 0),
  };
}

/** How many events were counted in the current window. */
export async function usedPoints(name: LimitName, key: string): Promise<number> {
  return (await stored(name, key))?.used ?? 0;
}

export async function reset(name: LimitName, key: string): Promise<void> {
  if (onSqlite()) await db.$executeRaw(counterDeleteSql(name, key));
  else await (await limiter(name)).delete(key);
}

/** Blocks a key for a fixed time from now (e.g. the 15-minute sign-in lock after the 10th failure). */
export async function block(name: LimitName, key: string, seconds: number): Promise<Date> {
  await (await limiter(name)).block(key, seconds);
  return new Date(Date.now() + seconds * 1000);
}
