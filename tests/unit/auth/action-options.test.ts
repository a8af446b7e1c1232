import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { fail, ok } from "@/lib/core/result";

const calls: { revalidated: string[]; permission: unknown[] } = { revalidated: [], permission: [] };

class Redirected extends Error {
  constructor(readonly to: string) {
    super(to);
  }
}

vi.mock("next/cache", () => ({ revalidatePath: (path: string) => calls.revalidated.push(path) }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Redirected(to);
  },
}));
vi.mock("next-intl/server", () => ({
  getTranslations: async () => (key: string, params?: Record<string, unknown>) =>
    params ? `${key} ${JSON.stringify(params)}` : key,
}));
vi.mock("@/lib/auth/current", () => ({
  requireStaff: async (permission?: string) => {
    calls.permission.push(permission);
    return { kind: "staff", staffUserId: "s1" };
  },
  requireStudent: async () => ({ kind: "student" }),
}));

const { staffAction } = await import("@/lib/auth/action");
const { redirect } = await import("next/navigation");

const form = (entries: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries))
    for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  return data;
};

const confirmed = z.object({ jobId: z.string().min(1), confirm: z.literal("yes") });

describe("action chain options", () => {
  beforeEach(() => {
    calls.revalidated = [];
    calls.permission = [];
  });

  it("onOk may redirect() after the paths are revalidated; a refusal never reaches it", async () => {
    const action = staffAction("roster.import", confirmed, async () => ok({ kind: "roster" }), {
      invalid: "bad",
      revalidate: () => ["/list"],
      onOk: (value, input) => redirect(`/jobs/${input.jobId}?kind=${value.kind}`),
    });
    await expect(action({ status: "idle" }, form({ jobId: "j1", confirm: "yes" }))).rejects.toEqual(
      new Redirected("/jobs/j1?kind=roster"),
    );
    expect(calls.revalidated).toEqual(["/list"]);

    const refused = staffAction("roster.import", confirmed, async () => fail("no.way"), {
      invalid: "bad",
      onOk: () => redirect("/never"),
    });
    expect(await refused({ status: "idle" }, form({ jobId: "j1", confirm: "yes" }))).toMatchObject({
      status: "error",
      error: "no.way",
    });
  });

  it("onOk builds the state with the translator; null permission: any staff member", async () => {
    const action = staffAction(null, z.object({}), async () => ok(3), {
      invalid: "bad",
      onOk: (n, _input, { t }) => ({ status: "success", data: t("done", { n }) }),
    });
    expect(await action({ status: "idle" }, form({}))).toEqual({ status: "success", data: 'done {"n":3}' });
    expect(calls.permission).toEqual([undefined]);
  });

  it("atField: a failed field of the list stands alone at its place; other bad input gets `invalid`", async () => {
    const action = staffAction("roster.import", confirmed, async () => ok(null), {
      invalid: "notFound",
      atField: { confirm: "tick.the.box" },
      echo: false,
    });
    expect(await action({ status: "idle" }, form({ jobId: "" }))).toEqual({
      status: "error",
      fieldErrors: { confirm: "tick.the.box" },
      values: {},
    });
    expect(await action({ status: "idle" }, form({ jobId: "", confirm: "yes" }))).toMatchObject({
      status: "error",
      error: "notFound",
      fieldErrors: undefined,
    });
  });

  it("errorAt: a refusal's message is shown at that field, and above the form", async () => {
    const action = staffAction("roster.import", z.object({}), async () => fail("import.errors.fileType"), {
      invalid: "bad",
      errorAt: "file",
    });
    expect(await action({ status: "idle" }, form({}))).toMatchObject({
      status: "error",
      error: "import.errors.fileType",
      fieldErrors: { file: "import.errors.fileType" },
    });
  });

  it("form: the schema parses what the reader makes of the form (repeated fields)", async () => {
    const seen: string[][] = [];
    const action = staffAction(
      "roster.import",
      z.object({ ids: z.array(z.string()) }),
      async (_actor, input) => {
        seen.push(input.ids);
        return ok(null);
      },
      { invalid: "bad", read: (data) => ({ ids: data.getAll("ids") }) },
    );
    await action({ status: "idle" }, form({ ids: ["a", "b"] }));
    expect(seen).toEqual([["a", "b"]]);
  });
});
