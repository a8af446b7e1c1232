import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every identity / support message exists in both languages (English is complete, SPEC §10). */
function keys(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object" && !Array.isArray(value))
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

function load(locale: string, namespace: string): unknown {
  const file = path.join(__dirname, "../../../lib/i18n/messages", locale, `${namespace}.json`);
  return JSON.parse(readFileSync(file, "utf8"));
}

describe("identity and support catalogues", () => {
  it.each(["identity", "support"])("%s has the same keys in zh-CN and en", (namespace) => {
    expect(keys(load("en", namespace)).sort()).toEqual(keys(load("zh-CN", namespace)).sort());
  });

  it("has every identity inbox kind in both languages", () => {
    const kinds = (locale: string) =>
      (load(locale, "inbox") as { kinds: { identity: object } }).kinds.identity;
    expect(Object.keys(kinds("en")).sort()).toEqual(Object.keys(kinds("zh-CN")).sort());
    expect(Object.keys(kinds("zh-CN")).sort()).toEqual([
      "accountCancelled",
      "assistAccepted",
      "assistDeclined",
      "assistRequested",
      "changeApplied",
      "changeRejected",
      "phoneReleased",
      "photoRejected",
      "resolved",
      "rosterRejected",
    ]);
  });

  it("uses the SPEC's labels verbatim", () => {
    const zh = load("zh-CN", "identity") as {
      photos: { front: string; back: string; columns: Record<string, string> };
      status: Record<string, string>;
      assist: Record<string, string>;
    };
    expect([zh.photos.front, zh.photos.back]).toEqual(["手持身份证正面头部照", "手持身份证背面头部照"]);
    expect(zh.photos.columns).toMatchObject({
      idNumber: "证件号码",
      createdAt: "创建日期",
      status: "日志状态",
      reason: "审核失败原因",
    });
    expect(zh.status).toMatchObject({ pending: "待审核", rejected: "审核失败", approved: "审核通过" });
    expect([zh.assist.classmateName, zh.assist.classmatePhone, zh.assist.ownPhone]).toEqual([
      "同学姓名",
      "同学手机号",
      "自己的手机号",
    ]);
  });
});
