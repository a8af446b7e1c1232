import { describe, expect, it } from "vitest";
import { AuthorizationError, NotFoundError, Refused } from "@/lib/core/refused";
import { FAILURE_STATUS, headersOf, statusOf } from "@/lib/core/failure-status";
import { kindOf, refuse } from "@/lib/core/result";

describe("typed failures", () => {
  it("a refusal carries its kind, key and field into the failed Result", () => {
    expect(new Refused("conflict", "a.b").result).toEqual({
      ok: false,
      kind: "conflict",
      error: { key: "a.b" },
    });
    expect(new Refused("rateLimited", "a.limit", { max: 3 }, "front").result).toEqual({
      ok: false,
      kind: "rateLimited",
      fieldErrors: { front: { key: "a.limit", params: { max: 3 } } },
    });
  });

  it("authorization and not-found errors are refusals of their kind", () => {
    const forbidden = new AuthorizationError();
    expect(forbidden).toBeInstanceOf(Refused);
    expect(forbidden.kind).toBe("forbidden");
    expect(new NotFoundError().kind).toBe("notFound");
  });

  it("one table gives the HTTP status of every kind; no kind is bad input", () => {
    expect(statusOf(refuse("notFound", "x"))).toBe(404);
    expect(statusOf(refuse("conflict", "x"))).toBe(409);
    expect(statusOf(refuse("busy", "x"))).toBe(409);
    expect(headersOf(refuse("busy", "x"))).toEqual({ "retry-after": "30" });
    expect(headersOf(refuse("conflict", "x"))).toEqual({});
    expect(statusOf(refuse("forbidden", "x"))).toBe(403);
    expect(statusOf({})).toBe(422);
    expect(kindOf({})).toBe("invalid");
    expect(new Set(Object.values(FAILURE_STATUS)).size).toBeGreaterThan(5);
  });
});
