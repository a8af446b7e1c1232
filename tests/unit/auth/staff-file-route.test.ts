import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";

const state: { actor: Actor | null; demo: boolean } = { actor: null, demo: false };
vi.mock("@/lib/auth/current", () => ({ getActor: vi.fn(async () => state.actor) }));
vi.mock("@/lib/env", () => ({ isDemoMode: () => state.demo }));

const { staffFileRoute } = await import("@/lib/auth/staff-route");

const staff = (roles: string[], mustChangePassword = false) =>
  ({
    kind: "staff",
    staffUserId: "s1",
    username: "u",
    displayName: "U",
    roles,
    collegeIds: [],
    mustChangePassword,
    sessionId: "x",
  }) as unknown as Actor;

const route = staffFileRoute<{ jobId: string }>("roster.import", async ({ params, url }) =>
  Response.json({ jobId: params.jobId, format: url.searchParams.get("format") }),
);
const call = () =>
  route(new Request("http://localhost/registrar/import/j1/report?format=csv"), {
    params: Promise.resolve({ jobId: "j1" }),
  });

describe("staff file routes: one guard", () => {
  beforeEach(() => {
    state.actor = null;
    state.demo = false;
  });

  it("signed out, a student, or staff without the permission: 404", async () => {
    expect((await call()).status).toBe(404);
    state.actor = { kind: "student" } as unknown as Actor;
    expect((await call()).status).toBe(404);
    state.actor = staff(["support"]);
    expect((await call()).status).toBe(404);
  });

  it("a required password change comes first (403), except in demo mode", async () => {
    state.actor = staff(["registrar"], true);
    expect((await call()).status).toBe(403);
    state.demo = true;
    expect((await call()).status).toBe(200);
  });

  it("an allowed actor gets the handler's answer with the route's params and query", async () => {
    state.actor = staff(["registrar"]);
    const response = await call();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ jobId: "j1", format: "csv" });
  });
});
