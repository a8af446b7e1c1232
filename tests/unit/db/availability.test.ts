import { afterEach, describe, expect, it, vi } from "vitest";
import {
  databaseRecentlyUnavailable,
  isDatabaseUnavailable,
  noteDatabaseError,
  UNAVAILABLE_WINDOW_MS,
} from "@/lib/db/availability";

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe("database availability", () => {
  afterEach(() => vi.useRealTimers());

  it("recognises a server that is restarting, refusing or gone", () => {
    expect(
      isDatabaseUnavailable(pgError("57P01", "terminating connection due to administrator command")),
    ).toBe(true);
    expect(isDatabaseUnavailable(pgError("57P03", "the database system is starting up"))).toBe(true);
    expect(isDatabaseUnavailable(pgError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    // as Prisma wraps the driver's error
    expect(
      isDatabaseUnavailable(new Error("Invalid invocation", { cause: pgError("57P01", "terminating") })),
    ).toBe(true);
  });

  it("does not take an ordinary failed statement for an outage", () => {
    expect(isDatabaseUnavailable(pgError("23505", "duplicate key value violates unique constraint"))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(pgError("P2002", "Unique constraint failed"))).toBe(false);
    expect(isDatabaseUnavailable(new Error("Record not found"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
  });

  it("counts an error page as the outage's only shortly after the last connection failure", () => {
    vi.useFakeTimers({ now: new Date("2026-12-04T22:00:00Z") });
    noteDatabaseError(pgError("23505", "duplicate key"));
    expect(databaseRecentlyUnavailable()).toBe(false);
    noteDatabaseError(pgError("57P01", "terminating connection due to administrator command"));
    expect(databaseRecentlyUnavailable()).toBe(true);
    vi.advanceTimersByTime(UNAVAILABLE_WINDOW_MS - 1);
    expect(databaseRecentlyUnavailable()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(databaseRecentlyUnavailable()).toBe(false);
  });
});
