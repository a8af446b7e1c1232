import { describe, expect, it } from "vitest";
import { openingBreakdown } from "@/lib/progress/breakdown-view";

const one = [{ id: "c1", name: "计算机与信息工程学院" }];
const two = [...one, { id: "c2", name: "电子与电气工程学院" }];

describe("the breakdown a dashboard opens on", () => {
  it("the registrar's view of every college opens on the colleges", () => {
    expect(openingBreakdown({ colleges: two, classesNeedMajor: false }, {})).toBe("college");
    expect(openingBreakdown({ colleges: two, classesNeedMajor: true }, {})).toBe("college");
  });

  it("a college with few classes opens on its classes", () => {
    expect(openingBreakdown({ colleges: one, classesNeedMajor: false }, {})).toBe("classGroup");
  });

  it("a college with many classes opens on its majors", () => {
    expect(openingBreakdown({ colleges: one, classesNeedMajor: true }, {})).toBe("major");
  });

  it("a chosen class opens on the classes (narrowed to it)", () => {
    expect(openingBreakdown({ colleges: one, classesNeedMajor: true }, { classGroupId: "g1" })).toBe(
      "classGroup",
    );
  });
});
