import { describe, expect, it } from "vitest";
import { campaignCoversRecord, levelKey, windowContains } from "@/lib/records/campaign-scope";

describe("campaign level ↔ record level", () => {
  it.each([
    ["普通本科", "本科", true],
    ["本科", "本科", true],
    [" 普通本科 ", "本科", true],
    ["普通本科", "专升本", false],
    ["普通本科", "专科", false],
    ["专升本", "专升本", true],
    ["专科", "本科", false],
    ["全部", "专科", true],
    ["", "本科", true],
  ])("campaign %j covers record level %j: %s", (campaignLevel, recordLevel, expected) => {
    expect(
      campaignCoversRecord({ cohort: "2023", level: campaignLevel }, { cohort: "2023", level: recordLevel }),
    ).toBe(expected);
  });

  it("never covers another cohort", () => {
    expect(campaignCoversRecord({ cohort: "2023", level: "全部" }, { cohort: "2024", level: "本科" })).toBe(
      false,
    );
  });

  it("levelKey drops only the leading 普通", () => {
    expect(levelKey("普通本科")).toBe("本科");
    expect(levelKey("本科(普通)")).toBe("本科(普通)");
  });
});

describe("campaign window [startsAt, endsAt)", () => {
  const campaign = {
    startsAt: new Date("2026-12-12T00:00:00+08:00"),
    endsAt: new Date("2026-12-21T00:00:00+08:00"),
  };
  it.each([
    ["2026-12-11T23:59:59+08:00", false],
    ["2026-12-12T00:00:00+08:00", true],
    ["2026-12-20T23:59:59+08:00", true],
    ["2026-12-21T00:00:00+08:00", false],
  ])("%s → %s", (at, expected) => {
    expect(windowContains(campaign, new Date(at))).toBe(expected);
  });
});
