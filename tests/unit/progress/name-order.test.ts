import { describe, expect, it } from "vitest";
import { sortByNames } from "@/lib/progress/name-order";

const zh = new Intl.Collator("zh");

describe("unit names in Chinese order", () => {
  it("sorts like the collator, by the first key and then the next", () => {
    const rows = [
      { college: "外国语学院", name: "英语2302班" },
      { college: "计算机学院", name: "软件2301班" },
      { college: "外国语学院", name: "日语2301班" },
      { college: "计算机学院", name: "网络2301班" },
      { college: "", name: "安全2301班" },
    ];
    const expected = rows
      .slice()
      .sort((a, b) => zh.compare(a.college, b.college) || zh.compare(a.name, b.name));
    expect(
      sortByNames(
        rows.slice(),
        (r) => r.college,
        (r) => r.name,
      ),
    ).toEqual(expected);
    expect(expected.map((r) => r.name)).toEqual([
      "安全2301班",
      "软件2301班",
      "网络2301班",
      "日语2301班",
      "英语2302班",
    ]);
  });

  it("places names it has not seen before where the collator would", () => {
    const first = sortByNames(
      ["张", "李", "王"].map((name) => ({ name })),
      (r) => r.name,
    );
    expect(first.map((r) => r.name)).toEqual(["李", "王", "张"]);
    const again = sortByNames(
      ["赵", "张", "安", "李", "王"].map((name) => ({ name })),
      (r) => r.name,
    );
    expect(again.map((r) => r.name)).toEqual(["安", "李", "王", "张", "赵"]);
  });

  it("keeps equal names in the order they came", () => {
    const rows = [
      { id: 1, name: "乙" },
      { id: 2, name: "甲" },
      { id: 3, name: "乙" },
    ];
    expect(sortByNames(rows, (r) => r.name).map((r) => r.id)).toEqual([2, 1, 3]);
  });
});
