/**
 * `npx tsx scripts/build-icons.ts`: draws the PNG and ICO icons from public/icons/icon.svg (the one source
 * of the mark). Outputs are committed; run this again only after changing the SVG.
 *   app/icon.svg, app/favicon.ico, app/apple-icon.png — Next's file conventions (linked in every page's head)
 *   public/icons/icon-192.png, icon-512.png, maskable-512.png — the web app manifest (app/manifest.ts)
 */
import { copyFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pngToIco from "png-to-ico";
import sharp from "sharp";

const root = path.resolve(__dirname, "..");
const svgPath = path.join(root, "public/icons/icon.svg");
const BRAND = "#10295c";

async function png(size: number, options: { padding?: number; background?: string } = {}) {
  const inner = Math.round(size * (1 - 2 * (options.padding ?? 0)));
  const icon = await sharp(svgPath, { density: 72 * (inner / 64) * 2 })
    .resize(inner, inner)
    .png()
    .toBuffer();
  if (!options.padding) return icon;
  return sharp({
    create: { width: size, height: size, channels: 4, background: options.background ?? BRAND },
  })
    .composite([{ input: icon, gravity: "center" }])
    .png()
    .toBuffer();
}

async function main() {
  const out = (p: string) => path.join(root, p);
  writeFileSync(out("public/icons/icon-192.png"), await png(192));
  writeFileSync(out("public/icons/icon-512.png"), await png(512));
  // Maskable icons keep the mark inside the 80 % safe zone on a full-bleed brand background.
  writeFileSync(out("public/icons/maskable-512.png"), await png(512, { padding: 0.1 }));
  writeFileSync(out("app/apple-icon.png"), await png(180, { padding: 0.06 }));
  copyFileSync(svgPath, out("app/icon.svg"));
  writeFileSync(out("app/favicon.ico"), await pngToIco([await png(16), await png(32), await png(48)]));
  console.log("icons written");
}

void main();
