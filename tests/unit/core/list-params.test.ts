import { describe, expect, it } from "vitest";
import { clampPage, listQuery, parseListParams, type ListSpec } from "@/lib/core/list-params";

const spec: ListSpec<"name" | "createdAt"> = { sorts: ["name", "createdAt"], defaultSort: "createdAt" };

describe("list parameters from a URL", () => {
  it("reads a valid view", () => {
    expect(parseListParams(spec, { page: "3", pageSize: "100", sort: "name", dir: "desc" })).toEqual({
      page: 3,
      pageSize: 100,
      sort: "name",
      dir: "desc",
    });
  });

  it("falls back to the defaults when nothing is given", () => {
    expect(parseListParams(spec, {})).toEqual({ page: 1, pageSize: 50, sort: "createdAt", dir: "asc" });
  });

  it.each([
    [{ sort: ";drop table x" }, { sort: "createdAt" }],
    [{ sort: 'name"; --' }, { sort: "createdAt" }],
    [{ sort: "__proto__" }, { sort: "createdAt" }],
    [{ dir: "sideways" }, { dir: "asc" }],
    [{ pageSize: "100000" }, { pageSize: 50 }],
    [{ pageSize: "7" }, { pageSize: 50 }],
    [{ pageSize: "-20" }, { pageSize: 50 }],
    [{ page: "-1" }, { page: 1 }],
    [{ page: "0" }, { page: 1 }],
    [{ page: "abc" }, { page: 1 }],
    [{ page: "2.5" }, { page: 1 }],
    [{ page: "1e9" }, { page: 1 }],
    [{ page: ["4", "9"] }, { page: 4 }],
  ])("hostile %j gives a sane default", (raw, expected) => {
    expect(parseListParams(spec, raw)).toMatchObject(expected);
  });

  it("honours a list's own defaults", () => {
    const audit: ListSpec<"time"> = {
      sorts: ["time"],
      defaultSort: "time",
      defaultDir: "desc",
      defaultPageSize: 20,
    };
    expect(parseListParams(audit, { pageSize: "abc" })).toEqual({
      page: 1,
      pageSize: 20,
      sort: "time",
      dir: "desc",
    });
  });
});

describe("clampPage", () => {
  it("keeps the page within 1 … last", () => {
    expect(clampPage(5, 120, 50)).toEqual({ page: 3, pages: 3 });
    expect(clampPage(1, 0, 50)).toEqual({ page: 1, pages: 1 });
    expect(clampPage(2, 100, 50)).toEqual({ page: 2, pages: 2 });
  });
});

describe("listQuery", () => {
  it("keeps filters and list parameters, drops empty filters and page 1", () => {
    const q = new URLSearchParams(
      listQuery(
        { q: "王", status: "", collegeId: undefined },
        { sort: "name", dir: "desc", pageSize: 20, page: 1 },
      ),
    );
    expect(Object.fromEntries(q)).toEqual({ q: "王", sort: "name", dir: "desc", pageSize: "20" });
    expect(new URLSearchParams(listQuery({}, { page: 4 })).get("page")).toBe("4");
  });
});
