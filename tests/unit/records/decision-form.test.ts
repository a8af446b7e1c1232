import { describe, expect, it } from "vitest";
import { parseBulkForm, parseDecisionForm } from "@/lib/corrections/decision-form";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

describe("parseDecisionForm", () => {
  it("reads items, decisions, reasons, note and lockVersion", () => {
    const input = parseDecisionForm(
      form([
        ["requestId", "r1"],
        ["lockVersion", "2"],
        ["items", "a"],
        ["items", "b"],
        ["items", "c"],
        ["decision.a", "accepted"],
        ["decision.b", "rejected"],
        ["reason.b", "与录取信息一致"],
        ["decision.c", "maybe"],
        ["create.a", "1"],
        ["create.b", "yes"],
        ["create.zz", "1"],
        ["note", "总体意见"],
      ]),
    );
    expect(input).toEqual({
      requestId: "r1",
      lockVersion: 2,
      note: "总体意见",
      // create.<id> only for the form's own items, only as "1"
      createUnits: ["a"],
      decisions: [
        { itemId: "a", decision: "accepted", reason: undefined },
        { itemId: "b", decision: "rejected", reason: "与录取信息一致" },
      ],
    });
  });

  it.each([
    [
      "no request id",
      [
        ["lockVersion", "0"],
        ["items", "a"],
      ],
    ],
    [
      "no items",
      [
        ["requestId", "r"],
        ["lockVersion", "0"],
      ],
    ],
    [
      "a negative lockVersion",
      [
        ["requestId", "r"],
        ["lockVersion", "-1"],
        ["items", "a"],
      ],
    ],
    [
      "a non-numeric lockVersion",
      [
        ["requestId", "r"],
        ["lockVersion", "x"],
        ["items", "a"],
      ],
    ],
  ] as [string, [string, string][]][])("is null with %s", (_label, entries) => {
    expect(parseDecisionForm(form(entries))).toBeNull();
  });
});

describe("parseBulkForm", () => {
  it("keeps plain, non-empty ids", () => {
    expect(
      parseBulkForm(
        form([
          ["ids", "a"],
          ["ids", ""],
          ["ids", "x".repeat(41)],
          ["ids", "b"],
        ]),
      ),
    ).toEqual(["a", "b"]);
  });
});
