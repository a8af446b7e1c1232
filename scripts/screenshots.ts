/**
 * `npm run screenshots`: full-page PNGs of every page, signed in as the role that owns it, at 360 px and
 * 1280 px, in zh-CN and English, into ./screenshots/<locale>-<width>/ (gitignored). For looking at the
 * product, not a test. Needs a running server with DEV_OUTBOX=1 and the demo data, e.g.
 *   E2E_PORT=3100 bash scripts/e2e-server.sh &      # fresh demo database + next start
 *   BASE_URL=http://127.0.0.1:3100 npm run screenshots
 * SCREENSHOTS_VARIANTS=zh-CN-360,en-1280 limits the run to those locale-width folders.
 * Besides the pages listed below it follows the links inside each area's pages (one level deep), so new
 * sub-pages (/admin/staff, /registrar/import, …) show up without editing this file.
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import {
  DEFAULT_DEMO_STAFF_PASSWORD,
  DEMO_STUDENT_PASSWORD,
  DEMO_STUDENTS,
} from "../prisma/seed/demo-students";

const BASE_URL = (process.env.BASE_URL ?? "http://127.0.0.1:3100").replace(/\/$/, "");
const OUT = path.resolve(process.env.SCREENSHOTS_DIR ?? "screenshots");
const STAFF_PASSWORD = process.env.DEMO_STAFF_PASSWORD || DEFAULT_DEMO_STAFF_PASSWORD;
const MAX_DISCOVERED = 15;
/** Links that download a file (exports, templates) rather than open a page. */
const FILE_LINK = /[?&]format=|\/(export|template|download)(\/|\?|$)|\.(csv|xlsx|pdf|png|jpe?g)(\?|$)/;

type Visitor = {
  name: string;
  kind: "anonymous" | "student" | "staff";
  username?: string;
  pages: string[];
  area?: RegExp;
};

const VISITORS: Visitor[] = [
  {
    name: "public",
    kind: "anonymous",
    pages: [
      "/",
      "/login",
      "/staff/login",
      "/register",
      "/recover/username",
      "/recover/password",
      "/help",
      "/register/phone-release",
      "/nope-404",
    ],
  },
  {
    name: "student",
    kind: "student",
    username: DEMO_STUDENTS[0].phone,
    pages: ["/record", "/record/report", "/account", "/identity", "/inbox", "/help", "/admin"],
    area: /^\/(record|account|identity|inbox)(\/|$)/,
  },
  {
    name: "college01",
    kind: "staff",
    username: "college01",
    pages: ["/college", "/inbox"],
    area: /^\/college(\/|$)/,
  },
  {
    name: "registrar",
    kind: "staff",
    username: "registrar",
    pages: ["/registrar"],
    area: /^\/registrar(\/|$)/,
  },
  { name: "support", kind: "staff", username: "support", pages: ["/support"], area: /^\/support(\/|$)/ },
  {
    name: "admin",
    kind: "staff",
    username: "admin",
    pages: ["/admin", "/admin/outbox"],
    area: /^\/admin(\/|$)/,
  },
];

const VARIANTS = [
  { locale: "zh-CN", width: 360, height: 780 },
  { locale: "en", width: 360, height: 780 },
  { locale: "zh-CN", width: 1280, height: 800 },
  { locale: "en", width: 1280, height: 800 },
] as const;

async function solveCaptcha(page: Page): Promise<void> {
  const id = await page
    .locator("img[data-captcha-id]")
    .first()
    .getAttribute("data-captcha-id")
    .catch(() => null);
  if (!id) return;
  const response = await page.request.get(`${BASE_URL}/api/dev/captcha?id=${encodeURIComponent(id)}`);
  if (!response.ok())
    throw new Error("a captcha is shown and /api/dev/captcha is off: start the server with DEV_OUTBOX=1");
  await page
    .locator("input[name=captchaAnswer]")
    .fill(((await response.json()) as { answer: string }).answer);
}

async function signIn(page: Page, visitor: Visitor): Promise<void> {
  if (visitor.kind === "anonymous") return;
  const loginPath = visitor.kind === "staff" ? "/staff/login" : "/login";
  await page.goto(`${BASE_URL}${loginPath}`);
  await page.locator("input[name=username]").fill(visitor.username!);
  await page
    .locator("input[name=password]")
    .fill(visitor.kind === "staff" ? STAFF_PASSWORD : DEMO_STUDENT_PASSWORD);
  await solveCaptcha(page);
  await page.locator("form:has(input[name=password]) [type=submit]").click();
  await page.waitForURL((url) => !url.pathname.startsWith(loginPath), { timeout: 20_000 });
}

/** Same-area links found on a page (paths only), so sub-pages are photographed too. */
async function areaLinks(page: Page, area: RegExp | undefined): Promise<string[]> {
  if (!area) return [];
  const hrefs = await page
    .locator("main a[href^='/']:not([download])")
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? ""));
  return hrefs
    .map((h) => h.split("#")[0])
    .filter((h) => h && area.test(h.split("?")[0]) && !FILE_LINK.test(h));
}

function fileName(visitor: string, pagePath: string): string {
  const slug = pagePath === "/" ? "home" : pagePath.replace(/^\//, "").replace(/[^a-zA-Z0-9]+/g, "_");
  return `${visitor}__${slug}.png`;
}

async function shoot(
  browser: Browser,
  variant: (typeof VARIANTS)[number],
  visitor: Visitor,
): Promise<number> {
  const dir = path.join(OUT, `${variant.locale}-${variant.width}`);
  mkdirSync(dir, { recursive: true });
  const context = await browser.newContext({
    viewport: { width: variant.width, height: variant.height },
    locale: variant.locale === "en" ? "en-US" : "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  await context.addCookies([{ name: "locale", value: variant.locale, url: BASE_URL }]);
  const page = await context.newPage();
  let count = 0;
  try {
    await signIn(page, visitor);
    const queue = [...visitor.pages];
    const seen = new Set<string>();
    let discovered = 0;
    while (queue.length > 0) {
      const pagePath = queue.shift()!;
      if (seen.has(pagePath)) continue;
      seen.add(pagePath);
      const response = await page
        .goto(`${BASE_URL}${pagePath}`, { waitUntil: "networkidle" })
        .catch(() => null);
      await page.screenshot({ path: path.join(dir, fileName(visitor.name, pagePath)), fullPage: true });
      count++;
      console.log(
        `  ${variant.locale}-${variant.width} ${visitor.name} ${pagePath} → ${response?.status() ?? "error"}`,
      );
      if (visitor.pages.includes(pagePath)) {
        for (const link of await areaLinks(page, visitor.area)) {
          if (!seen.has(link) && !queue.includes(link) && discovered < MAX_DISCOVERED) {
            queue.push(link);
            discovered++;
          }
        }
      }
    }
  } finally {
    await context.close();
  }
  return count;
}

async function main(): Promise<void> {
  const probe = await fetch(`${BASE_URL}/login`).catch(() => null);
  if (!probe?.ok)
    throw new Error(`no server at ${BASE_URL} (start one: E2E_PORT=3100 bash scripts/e2e-server.sh)`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const only = (process.env.SCREENSHOTS_VARIANTS ?? "").split(",").filter(Boolean);
  const variants = VARIANTS.filter((v) => only.length === 0 || only.includes(`${v.locale}-${v.width}`));
  if (only.length === 0) rmSync(OUT, { recursive: true, force: true });
  for (const v of variants)
    rmSync(path.join(OUT, `${v.locale}-${v.width}`), { recursive: true, force: true });
  let total = 0;
  try {
    for (const variant of variants)
      for (const visitor of VISITORS) total += await shoot(browser, variant, visitor);
  } finally {
    await browser.close();
  }
  console.log(`${total} screenshots in ${OUT}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
