/**
 * Browser-side shrinking of a phone photo (3–8 MB) to the 300 KB the hand-held ID photo allows, before
 * upload: decode (orientation applied), draw on a canvas no larger than MAX_EDGE, encode JPEG stepping the
 * quality down, then the size, until it fits. Only the result is uploaded; the server still checks type
 * and size by content and re-encodes. No server code: imported by client components.
 */
export const SHRINK_MAX_EDGE = 1600;
const QUALITY_STEPS = [0.86, 0.78, 0.7, 0.62, 0.54, 0.46] as const;
const EDGE_STEP = 0.8;
const MIN_EDGE = 480;

export type ShrinkResult = {
  file: File;
  width: number;
  height: number;
  /** false: the picture was already small enough and is sent as it was chosen */
  shrunk: boolean;
  originalBytes: number;
};

const KEEP_AS_IS = new Set(["image/jpeg", "image/png", "image/gif"]);

function encode(canvas: HTMLCanvasElement, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", quality));
}

/** Fits `file` under `maxBytes`; throws when the browser cannot read it as an image. */
export async function shrinkImage(file: File, maxBytes: number): Promise<ShrinkResult> {
  const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  try {
    if (file.size <= maxBytes && KEEP_AS_IS.has(file.type))
      return { file, width: bitmap.width, height: bitmap.height, shrunk: false, originalBytes: file.size };
    let edge = Math.min(SHRINK_MAX_EDGE, Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement("canvas");
    for (;;) {
      const scale = edge / Math.max(bitmap.width, bitmap.height);
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      const ctx = canvas.getContext("2d");
      if (!ctx) throw new Error("no canvas");
      // JPEG has no transparency: a PNG with a transparent background gets white, not black.
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      for (const quality of QUALITY_STEPS) {
        const blob = await encode(canvas, quality);
        if (blob && blob.size <= maxBytes) {
          const name = `${file.name.replace(/\.[^.]*$/, "") || "photo"}.jpg`;
          return {
            file: new File([blob], name, { type: "image/jpeg", lastModified: Date.now() }),
            width: canvas.width,
            height: canvas.height,
            shrunk: true,
            originalBytes: file.size,
          };
        }
      }
      if (edge <= MIN_EDGE) throw new Error("cannot fit");
      edge = Math.max(MIN_EDGE, Math.round(edge * EDGE_STEP));
    }
  } finally {
    bitmap.close();
  }
}

/** 3.2 MB, 212 KB: sizes as people read them. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
