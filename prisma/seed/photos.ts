import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { admissionPhotoKey, photoPool, type PhotoSlot } from "./photo-keys";
import { createRng } from "./prng";
import { parseEnv } from "../../lib/env-schema";

/** Private storage root (never under public/): admission photos are personal data. */
export function uploadsDir(): string {
  return parseEnv(process.env).UPLOADS_DIR;
}

// ID-photo backgrounds (blue, white, red), skin tones, clothes.
const BACKGROUNDS = ["#438edb", "#3f86d0", "#f4f4f4", "#ffffff", "#d8373f"];
const SKIN = ["#f1c7a5", "#e8b892", "#dca67e", "#f5d0b5", "#c98f67"];
const HAIR = ["#1b1b1b", "#2a211c", "#3b2a20", "#111111"];
const CLOTHES = ["#1f2a44", "#ffffff", "#2f4f4f", "#5a5a5a", "#7a1f2b", "#24457a", "#e9e4d8"];

/** A head-and-shoulders silhouette like a 1-inch admission photo, varied per slot. */
function silhouetteSvg(slot: PhotoSlot): string {
  const rng = createRng(slot.seed, `photo:${slot.gender}${slot.index}`);
  const bg = rng.pick(BACKGROUNDS);
  const skin = rng.pick(SKIN);
  const hair = rng.pick(HAIR);
  const clothes = rng.pick(CLOTHES);
  const faceW = rng.int(52, 62);
  const faceH = rng.int(70, 80);
  const cx = 150 + rng.int(-6, 6);
  const hairStyle =
    slot.gender === "女"
      ? `<path d="M${cx - faceW - 14} 250 Q${cx - faceW - 20} 95 ${cx} 88 Q${cx + faceW + 20} 95 ${cx + faceW + 14} ${250 + rng.int(-20, 40)} Z" fill="${hair}"/>`
      : `<path d="M${cx - faceW - 4} 175 Q${cx - faceW} ${92 + rng.int(-6, 6)} ${cx} 90 Q${cx + faceW} ${92 + rng.int(-6, 6)} ${cx + faceW + 4} 175 Q${cx} 120 ${cx - faceW - 4} 175 Z" fill="${hair}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="400" viewBox="0 0 300 400">
  <rect width="300" height="400" fill="${bg}"/>
  ${slot.gender === "女" ? hairStyle : ""}
  <path d="M20 400 Q30 300 ${cx - 40} 285 L${cx + 40} 285 Q270 300 280 400 Z" fill="${clothes}"/>
  <rect x="${cx - 22}" y="235" width="44" height="60" fill="${skin}"/>
  <ellipse cx="${cx}" cy="180" rx="${faceW}" ry="${faceH}" fill="${skin}"/>
  ${slot.gender === "男" ? hairStyle : ""}
  <ellipse cx="${cx - 22}" cy="175" rx="6" ry="4" fill="#2b2b2b"/>
  <ellipse cx="${cx + 22}" cy="175" rx="6" ry="4" fill="#2b2b2b"/>
  <path d="M${cx - 14} 215 Q${cx} ${222 + rng.int(0, 4)} ${cx + 14} 215" stroke="#9a5a4a" stroke-width="3" fill="none"/>
</svg>`;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * Writes the pool of admission photos for this seed (300×400 JPEG, a few KB each). Files already there
 * are kept: the same slot always renders the same picture.
 */
export async function ensurePhotoPool(
  seed: number,
  root: string = uploadsDir(),
): Promise<{ written: number; total: number }> {
  const slots = photoPool(seed);
  let written = 0;
  await Promise.all(
    slots.map(async (slot) => {
      const file = path.join(root, admissionPhotoKey(slot));
      if (await exists(file)) return;
      await mkdir(path.dirname(file), { recursive: true });
      const jpeg = await sharp(Buffer.from(silhouetteSvg(slot)))
        .jpeg({ quality: 72, mozjpeg: true })
        .toBuffer();
      await writeFile(file, jpeg);
      written++;
    }),
  );
  return { written, total: slots.length };
}
