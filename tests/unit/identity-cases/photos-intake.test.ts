import { describe, expect, it } from "vitest";
import { readPhotoFields } from "@/lib/identity-cases/photos-intake";
import { PHOTO_MAX_BYTES } from "@/lib/identity-cases/rules";

/** A file that fails the test if its bytes are read (the size check must come first). */
class UnreadableFile extends File {
  override arrayBuffer(): Promise<ArrayBuffer> {
    throw new Error("the bytes of an oversized photo were read");
  }
}

function form(entries: Record<string, File | string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.set(name, value);
  return data;
}

describe("readPhotoFields", () => {
  it("refuses a photo over the limit by its declared size, at its own field, without reading it", async () => {
    const big = new UnreadableFile([new Uint8Array(PHOTO_MAX_BYTES + 1)], "front.jpg", {
      type: "image/jpeg",
    });
    const small = new File([new Uint8Array([1, 2, 3])], "back.jpg", { type: "image/jpeg" });
    const { photos, tooLarge } = await readPhotoFields(form({ front: big, back: small }));
    expect(tooLarge).toEqual({ front: { key: "identity.photos.errors.tooLarge" } });
    expect(photos.front).toBeNull();
    expect(photos.back).toEqual(Buffer.from([1, 2, 3]));
  });

  it("takes a photo of exactly the limit", async () => {
    const edge = new File([new Uint8Array(PHOTO_MAX_BYTES)], "front.jpg");
    const { photos, tooLarge } = await readPhotoFields(form({ front: edge }));
    expect(tooLarge).toBeNull();
    expect(photos.front?.length).toBe(PHOTO_MAX_BYTES);
  });

  it("counts the browser's empty file slot, a text value and a missing field as no photo", async () => {
    const empty = new File([], "");
    const { photos, tooLarge } = await readPhotoFields(form({ front: empty, back: "not a file" }));
    expect(tooLarge).toBeNull();
    expect(photos).toEqual({ front: null, back: null });
    expect((await readPhotoFields(new FormData())).photos).toEqual({ front: null, back: null });
  });
});
