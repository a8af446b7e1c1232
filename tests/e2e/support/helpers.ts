import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import {
  DEFAULT_DEMO_STAFF_PASSWORD,
  DEMO_STUDENT_PASSWORD,
  DEMO_STUDENTS as SEEDED_DEMO_STUDENTS,
} from "../../../prisma/seed/demo-students";

/**
 * The shared toolbox of every e2e spec. The server (scripts/e2e-server.sh) runs with DEV_OUTBOX=1, so the
 * SMS/e-mail a person would read and the picture captcha's answer are readable over /api/dev/*.
 */

/** Password of every demo staff account (admin, registrar, support, college01, college02, …). */
export const DEMO_STAFF_PASSWORD = process.env.DEMO_STAFF_PASSWORD || DEFAULT_DEMO_STAFF_PASSWORD;

/** Ready, verified demo students (phones 13800000001–13800000005), all with the same password. */
export const DEMO_STUDENTS = SEEDED_DEMO_STUDENTS.map((s) => ({ ...s, password: DEMO_STUDENT_PASSWORD }));
export { DEMO_STUDENT_PASSWORD };

export type OutboxMessage = {
  to: string;
  channel: "sms" | "email";
  subject?: string;
  body: string;
  code?: string;
  createdAt: string;
};

/** Every message (newest first) the server sent to a phone number or e-mail address. */
export async function outboxMessages(request: APIRequestContext, to: string): Promise<OutboxMessage[]> {
  const response = await request.get(`/api/dev/outbox?to=${encodeURIComponent(to)}`);
  expect(response.status(), `GET /api/dev/outbox?to=${to}`).toBe(200);
  const messages = (await response.json()) as OutboxMessage[];
  return [...messages].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * The newest SMS/e-mail to `to` ({body, code?}). Waits up to 10 s for one to arrive; pass `after` (an ISO
 * time or Date) to wait for a message newer than that.
 */
export async function latestMessage(
  request: APIRequestContext,
  to: string,
  options: { after?: string | Date; timeoutMs?: number } = {},
): Promise<OutboxMessage> {
  const after = options.after ? new Date(options.after).getTime() : 0;
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    const [newest] = await outboxMessages(request, to);
    if (newest && new Date(newest.createdAt).getTime() >= after) return newest;
    if (Date.now() > deadline) throw new Error(`no message to ${to} arrived in time`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The answer of the picture captcha whose <img> carries data-captcha-id="<id>". */
export async function captchaAnswer(request: APIRequestContext, captchaId: string): Promise<string> {
  const response = await request.get(`/api/dev/captcha?id=${encodeURIComponent(captchaId)}`);
  expect(response.status(), `GET /api/dev/captcha?id=${captchaId}`).toBe(200);
  return ((await response.json()) as { answer: string }).answer;
}

/** Fills the picture captcha on the page when one is shown (after 3 failed sign-ins from this IP, …). */
export async function solveCaptchaIfShown(page: Page): Promise<boolean> {
  const image = page.locator("img[data-captcha-id]").first();
  if ((await image.count()) === 0) return false;
  const id = await image.getAttribute("data-captcha-id");
  if (!id) return false;
  await page.locator("input[name=captchaAnswer]").fill(await captchaAnswer(page.request, id));
  return true;
}

/**
 * Signs a demo staff member in at /staff/login (password DEMO_STAFF_PASSWORD unless given) and waits until
 * the browser has left the login page (it lands on the role's area). Solves the picture captcha when shown.
 */
export async function signInStaff(
  page: Page,
  username: string,
  password = DEMO_STAFF_PASSWORD,
): Promise<void> {
  await page.goto("/staff/login");
  // Earlier failures from this machine (every test shares 127.0.0.1) may have made the captcha necessary.
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.locator("input[name=username]").fill(username);
    await page.locator("input[name=password]").fill(password);
    await solveCaptchaIfShown(page);
    await page.locator("form:has(input[name=password]) [type=submit]").click();
    const left = await page
      .waitForURL((url) => !url.pathname.startsWith("/staff/login"), { timeout: 20_000 })
      .then(() => true)
      .catch(() => false);
    if (left) return;
    if ((await page.locator("img[data-captcha-id]").count()) === 0) break;
  }
  await expect(page, `staff ${username} signs in`).not.toHaveURL(/\/staff\/login/, { timeout: 20_000 });
}

/**
 * Signs a student in at /login (username = phone, ID number or verified e-mail) and waits until the browser
 * has left the login page (/record, or /identity for a pending account). Solves the picture captcha when
 * earlier failures from this IP made it necessary.
 */
export async function signInStudent(
  page: Page,
  username: string,
  password = DEMO_STUDENT_PASSWORD,
): Promise<void> {
  await page.goto("/login");
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.locator("input[name=username]").fill(username);
    await page.locator("input[name=password]").fill(password);
    await solveCaptchaIfShown(page);
    await page.locator("form:has(input[name=password]) [type=submit]").click();
    // Either we leave /login, or the form answers (a captcha appeared or the answer was wrong).
    const left = await page
      .waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    if (left) return;
    if ((await page.locator("img[data-captcha-id]").count()) === 0) break;
  }
  await expect(page, `student ${username} signs in`).not.toHaveURL(/\/login/);
}

/** Signs out with the header's button (works for students and staff). */
export async function signOut(page: Page): Promise<void> {
  await page.locator("header form button[type=submit]:not([name=locale])").click();
  await expect(page).toHaveURL(/\/(staff\/)?login\?signedOut=1/);
}

/**
 * Accessibility check with axe (WCAG 2.0/2.1/2.2 A and AA). Fails on serious or critical violations and
 * prints every violation found, so moderate ones are visible too.
 */
export async function checkA11y(page: Page, options: { exclude?: string[] } = {}): Promise<void> {
  // After a server action's redirect the page's <title> is streamed in after the body; judge the settled page.
  await expect(page).toHaveTitle(/\S/);
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const blocking = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (violations.length > 0) {
    const report = violations
      .map(
        (v) =>
          `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
          v.nodes
            .slice(0, 5)
            .map((n) => `    ${n.target.join(" ")} — ${n.failureSummary?.replace(/\n/g, " ")}`)
            .join("\n"),
      )
      .join("\n");
    console.log(`axe on ${page.url()}:\n${report}`);
  }
  expect(
    blocking.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `serious/critical accessibility violations on ${page.url()}`,
  ).toEqual([]);
}
