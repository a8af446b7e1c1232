import "server-only";
import { createCanvas } from "@napi-rs/canvas";
import { randomInt } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { hashSecret } from "./crypto";
import { consume } from "./rate-limit";

// No 0/O, 1/I/L: students type these on phones.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const LIFETIME_MS = 5 * 60_000;

export type Captcha = { id: string; image: string };

function drawCaptcha(text: string): string {
  const width = 132;
  const height = 44;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#f1f5f9";
  ctx.fillRect(0, 0, width, height);
  for (let i = 0; i < 6; i++) {
    ctx.strokeStyle = `hsl(${randomInt(360)}, 40%, 65%)`;
    ctx.beginPath();
    ctx.moveTo(randomInt(width), randomInt(height));
    ctx.bezierCurveTo(
      randomInt(width),
      randomInt(height),
      randomInt(width),
      randomInt(height),
      randomInt(width),
      randomInt(height),
    );
    ctx.stroke();
  }
  ctx.font = "bold 26px sans-serif";
  ctx.textBaseline = "middle";
  [...text].forEach((ch, i) => {
    ctx.save();
    ctx.translate(14 + i * 28, height / 2 + randomInt(-4, 5));
    ctx.rotate((randomInt(-25, 26) * Math.PI) / 180);
    ctx.fillStyle = `hsl(${randomInt(200, 260)}, 60%, 28%)`;
    ctx.fillText(ch, 0, 0);
    ctx.restore();
  });
  return `data:image/png;base64,${canvas.toBuffer("image/png").toString("base64")}`;
}

function normalizeAnswer(answer: string): string {
  return answer.replace(/\s+/g, "").toUpperCase();
}

/** A new picture captcha: the answer is kept only as a hash, valid 5 minutes, usable once. */
export async function createCaptcha(): Promise<Captcha> {
  const text = Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  const row = await db.captchaChallenge.create({
    data: { answerHash: hashSecret(text), expiresAt: new Date(Date.now() + LIFETIME_MS) },
  });
  if (env().DEV_OUTBOX === "1") devAnswers.set(row.id, text);
  return { id: row.id, image: drawCaptcha(text) };
}

/**
 * 换一张: a new picture for someone who cannot read the current one. The old challenge is used up (it
 * cannot be tried after being swapped), and one address gets at most 20 new pictures a minute.
 */
export async function refreshCaptcha(previousId: string | null, ip: string | null): Promise<Captcha | null> {
  const allowed = await consume("captchaRefreshPerIpMinute", `ip:${ip ?? "unknown"}`);
  if (!allowed.ok) return null;
  if (previousId)
    await db.captchaChallenge.updateMany({
      where: { id: previousId, consumedAt: null },
      data: { consumedAt: new Date() },
    });
  return createCaptcha();
}

/** Consumes the challenge whatever the answer, so each picture can be tried once. */
export async function verifyCaptcha(
  id: string | undefined | null,
  answer: string | undefined | null,
): Promise<boolean> {
  if (!id || !answer) return false;
  const consumed = await db.captchaChallenge.updateMany({
    where: { id, consumedAt: null, expiresAt: { gt: new Date() } },
    data: { consumedAt: new Date() },
  });
  if (consumed.count !== 1) return false;
  const row = await db.captchaChallenge.findUnique({ where: { id } });
  return !!row && row.answerHash === hashSecret(normalizeAnswer(answer));
}

// Test support only (DEV_OUTBOX=1, never in production): end-to-end tests read the answer like they read
// SMS codes from the outbox.
// Kept on globalThis: Next bundles pages, actions and route handlers separately, each with its own copy of
// this module, so a module-level map written by a page would be empty in /api/dev/captcha.
const devAnswers: Map<string, string> = ((
  globalThis as { __devCaptchaAnswers?: Map<string, string> }
).__devCaptchaAnswers ??= new Map<string, string>());
export function devCaptchaAnswer(id: string): string | undefined {
  return env().DEV_OUTBOX === "1" ? devAnswers.get(id) : undefined;
}
