import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { fail, ok } from "@/lib/core/result";

const calls: { revalidated: string[]; permission: unknown[]; signedIn: boolean; ran: number } = {
  revalidated: [],
  permission: [],
  signedIn: true,
  ran: 0,
};

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
  getActor: async () => (calls.signedIn ? { kind: "staff" } : null),
  requireStaff: async (permission?: string) => {
    calls.permission.push(permission);
    return { kind: "staff", staffUserId: "s1" };
  },
  requireStudent: async () => ({ kind: "student" }),
}));

const { staffAction, studentAction, withoutState } = await import("@/lib/auth/action");
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
    calls.signedIn = true;
    calls.ran = 0;
  });

  it("signed out while the form was open: nothing runs, the typed values come back with a sign-in link", async () => {
    calls.signedIn = false;
    const schema = z.object({ reason: z.string() });
    const run = async () => {
      calls.ran++;
      return ok(null);
    };
    const student = studentAction(schema, run, { invalid: "bad", next: "/record" });
    const typed = form({ reason: "出生日期录入有误", password: "never-echoed" });
    expect(await student({ status: "idle" }, typed)).toEqual({
      status: "error",
      error: "common.signedOutForm.error",
      values: { reason: "出生日期录入有误" },
      signIn: {
        href: "/login?next=%2Fsigned-in",
        page: "/login?next=%2Frecord",
        label: "common.signedOutForm.link",
        then: "common.signedOutForm.then",
      },
    });
    // the form's own shaping of a refusal still applies; the link stays
    const shaped = studentAction(schema, run, {
      invalid: "bad",
      onFail: (state) => ({ ...state, values: { ...state.values, fields: "gender,department" } }),
    });
    expect(await shaped({ status: "idle" }, typed)).toMatchObject({
      values: { reason: "出生日期录入有误", fields: "gender,department" },
      signIn: { href: "/login?next=%2Fsigned-in", page: "/login" },
    });
    const staff = staffAction("roster.import", schema, run, { invalid: "bad" });
    expect(await staff({ status: "idle" }, typed)).toMatchObject({
      status: "error",
      signIn: { href: "/staff/login", page: "/staff/login" },
    });
    // a form that shows no answer sends the page to sign in, as a signed-out request always was
    await expect(withoutState(staff)(typed)).rejects.toEqual(new Redirected("/staff/login"));
    expect(calls.ran).toBe(0);
    expect(calls.revalidated).toEqual([]);
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
