import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { checkPhoto } from "@/lib/identity-cases/photo-check";
import { decodeRejectReason, encodeRejectReason, PHOTO_MAX_BYTES } from "@/lib/identity-cases/rules";

const solid = () => sharp({ create: { width: 4, height: 4, channels: 3, background: "#345" } });

describe("checkPhoto: type by content, ≤ 300 KB", () => {
  it.each([
    ["jpeg", async () => solid().jpeg().toBuffer(), { ok: true, mime: "image/jpeg" }],
    ["png", async () => solid().png().toBuffer(), { ok: true, mime: "image/png" }],
    ["gif", async () => solid().gif().toBuffer(), { ok: true, mime: "image/gif" }],
    [
      "webp (an image, but not allowed)",
      async () => solid().webp().toBuffer(),
      { ok: false, reason: "type" },
    ],
    ["a PDF", async () => Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), { ok: false, reason: "type" }],
    ["plain text", async () => Buffer.from("hello, I am a photo.jpg"), { ok: false, reason: "type" }],
    [
      "HTML",
      async () => Buffer.from("<!doctype html><script>alert(1)</script>"),
      { ok: false, reason: "type" },
    ],
    ["empty", async () => Buffer.alloc(0), { ok: false, reason: "missing" }],
    ["nothing", async () => null, { ok: false, reason: "missing" }],
  ])("%s", async (_label, make, expected) => {
    expect(await checkPhoto(await make())).toEqual(expected);
  });

  it("accepts exactly 300 KB and refuses one byte more (before sniffing)", async () => {
    const header = await solid().jpeg().toBuffer();
    const atLimit = Buffer.concat([header, Buffer.alloc(PHOTO_MAX_BYTES - header.length)]);
    expect(await checkPhoto(atLimit)).toEqual({ ok: true, mime: "image/jpeg" });
    expect(await checkPhoto(Buffer.concat([atLimit, Buffer.alloc(1)]))).toEqual({
      ok: false,
      reason: "tooLarge",
    });
    expect(await checkPhoto(Buffer.alloc(301 * 1024, 0xff))).toEqual({ ok: false, reason: "tooLarge" });
  });
});

describe("reject reasons", () => {
  it.each([
    ["photo_unclear", "", "photo_unclear", { code: "photo_unclear", note: "" }],
    ["other", " 证件被手指遮挡 ", "other:证件被手指遮挡", { code: "other", note: "证件被手指遮挡" }],
    ["not_owner", "a:b", "not_owner:a:b", { code: "not_owner", note: "a:b" }],
  ] as const)("%s + %j", (code, note, stored, decoded) => {
    expect(encodeRejectReason(code, note)).toBe(stored);
    expect(decodeRejectReason(stored)).toEqual(decoded);
  });

  it("reads unknown stored text as a free note", () => {
    expect(decodeRejectReason("旧数据")).toEqual({ code: "other", note: "旧数据" });
    expect(decodeRejectReason(null)).toBeNull();
  });
});
