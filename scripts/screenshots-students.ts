/**
 * `npx tsx scripts/screenshots-students.ts`: the pages issue 12 items 1–9 added or changed (help, contacts,
 * phone release, photo samples, record status, admin contacts), at 360 and 1280 px in zh-CN and English,
 * into ./screenshots/students/ (gitignored). Needs a running server with DEV_OUTBOX=1 and the demo data:
 *   E2E_PORT=3181 bash scripts/e2e-server.sh &
 *   BASE_URL=http://127.0.0.1:3181 npx tsx scripts/screenshots-students.ts
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import {
  DEFAULT_DEMO_STAFF_PASSWORD,
  DEMO_STUDENT_PASSWORD,
  DEMO_STUDENTS,
} from "../prisma/seed/demo-students";

const BASE_URL = (process.env.BASE_URL ?? "http://127.0.0.1:3181").replace(/\/$/, "");
const OUT = path.resolve("screenshots/students");
const SHOTS: { who: "anonymous" | "student" | "admin"; pages: string[] }[] = [
  { who: "anonymous", pages: ["/", "/help", "/login", "/register/phone-release"] },
  { who: "student", pages: ["/record", "/record/report", "/help#contacts"] },
  { who: "admin", pages: ["/admin/settings"] },
];

async function solveCaptcha(page: Page) {
  const id = await page
    .locator("img[data-captcha-id]")
    .first()
    .getAttribute("data-captcha-id")
    .catch(() => null);
  if (!id) return;
  const res = await page.request.get(`${BASE_URL}/api/dev/captcha?id=${encodeURIComponent(id)}`);
  await page.locator("input[name=captchaAnswer]").fill(((await res.json()) as { answer: string }).answer);
}

async function signIn(page: Page, who: string) {
  if (who === "anonymous") return;
  const staff = who === "admin";
  await page.goto(`${BASE_URL}${staff ? "/staff/login" : "/login"}`);
  await page.locator("input[name=username]").fill(staff ? "admin" : DEMO_STUDENTS[2].phone);
  await page
    .locator("input[name=password]")
    .fill(staff ? DEFAULT_DEMO_STAFF_PASSWORD : DEMO_STUDENT_PASSWORD);
  await solveCaptcha(page);
  await page.locator("form:has(input[name=password]) [type=submit]").click();
  await page.waitForURL((u) => !u.pathname.includes("login"), { timeout: 30_000 });
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  mkdirSync(OUT, { recursive: true });
  for (const locale of ["zh-CN", "en"] as const)
    for (const width of [360, 1280]) {
      for (const shot of SHOTS) {
        const context = await browser.newContext({ viewport: { width, height: 800 }, locale });
        await context.addCookies([{ name: "locale", value: locale, url: BASE_URL }]);
        const page = await context.newPage();
        await signIn(page, shot.who);
        for (const p of shot.pages) {
          await page.goto(`${BASE_URL}${p}`);
          await page.waitForLoadState("networkidle");
          const name = `${locale}-${width}-${shot.who}-${p.replace(/[^a-z0-9]+/gi, "_") || "home"}.png`;
          await page.screenshot({
            path: path.join(OUT, name),
            fullPage: width > 400 || !p.startsWith("/help"),
          });
        }
        await context.close();
      }
    }
  await browser.close();
  console.log(`screenshots in ${OUT}`);
}

void main();
