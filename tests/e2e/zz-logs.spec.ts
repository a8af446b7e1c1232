import { execFileSync } from "node:child_process";
import { randomInt } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { checkDigitFor } from "../../lib/identity/id-number";
import zhRegister from "../../lib/i18n/messages/zh-CN/register.json";
import {
  DEMO_STAFF_PASSWORD,
  DEMO_STUDENT_PASSWORD,
  DEMO_STUDENTS,
  latestMessage,
  signInStudent,
} from "./support/helpers";

/**
 * Runs after the other specs (file order): health endpoints, the demo banner, and the server's log
 * (scripts/e2e-server.sh keeps it in data/e2e[-<port>]-server.log) searched line by line for every ID number
 * in the database, every code the portal sent and the passwords used — none may appear.
 */
const ROOT = path.resolve(__dirname, "../..");
const port = process.env.E2E_PORT ?? "3100";
const name = port === "3100" ? "e2e" : `e2e-${port}`;
const LOG = path.join(ROOT, "data", `${name}-server.log`);

test("/healthz and /readyz answer JSON without secrets", async ({ request }) => {
  const health = await request.get("/healthz");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", instance: `e2e-${port}` });
  const ready = await request.get("/readyz");
  expect(ready.status()).toBe(200);
  const body = await ready.json();
  expect(body).toMatchObject({
    status: "ready",
    ready: true,
    checks: { database: "ok", migrations: "ok", uploads: "ok" },
  });
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/file:|postgres|secret|key|\.db\b/i);
  expect(ready.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("every page says it is the demo", { tag: "@both" }, async ({ page }, testInfo) => {
  const label = testInfo.project.name === "desktop-en" ? "Demo" : "演示环境";
  for (const url of ["/", "/login", "/staff/login", "/help", "/register"]) {
    await page.goto(url);
    const banner = page.locator("[data-demo-banner]");
    await expect(banner).toContainText(label);
    await expect(banner).toBeInViewport();
  }
});

test("no log line carries an ID number, a code or a password", async ({ page }) => {
  test.setTimeout(120_000);
  // Flows of its own on top of everything the suite did: a new student registers with an SMS code, a demo
  // student signs in and opens the record.
  const phone = `139${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
  const first17 = `440106${2000 + randomInt(0, 6)}0${1 + randomInt(0, 9)}1${randomInt(0, 9)}${String(randomInt(0, 1000)).padStart(3, "0")}`;
  const newIdNumber = first17 + checkDigitFor(first17);
  const newPassword = `日志里不能有的密码${randomInt(1000, 9999)}`;
  await page.goto("/register");
  await page.locator("#phone").fill(phone);
  const sent = new Date(Date.now() - 1000);
  await page.locator("button[name=intent][value=sendCode]").click();
  const sms = await latestMessage(page.request, phone, { after: sent });
  for (const [id, value] of Object.entries({
    code: sms.code ?? "",
    password: newPassword,
    confirmPassword: newPassword,
    name: "林日志",
    idNumber: newIdNumber,
  })) {
    await page.locator(`#${id}`).fill(value);
  }
  await page.locator("#sensitiveConsent").check();
  await page.getByRole("button", { name: zhRegister.submit, exact: true }).click();
  await expect(page).toHaveURL(/\/record/, { timeout: 20_000 });
  await page.context().clearCookies();

  const student = DEMO_STUDENTS[4];
  await signInStudent(page, student.phone);
  await page.goto("/record");
  await page.goto(`/login?username=${student.idNumber}`); // a value in a query string, on purpose
  await page.waitForTimeout(500); // the log line is written when the response ends

  expect(existsSync(LOG), `${LOG} (started by scripts/e2e-server.sh)`).toBe(true);
  const lines = readFileSync(LOG, "utf8").split("\n").filter(Boolean);
  const requests = lines
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const logged = requests.filter((r) => r.msg === "request");
  expect(logged.length).toBeGreaterThan(50);
  for (const r of logged) {
    expect(Object.keys(r).sort()).toEqual(
      ["durationMs", "instance", "level", "method", "msg", "requestId", "route", "status", "time"].sort(),
    );
  }
  expect(logged.some((r) => r.route === "/record" && r.status === 200)).toBe(true);
  expect(logged.some((r) => r.route === "/login")).toBe(true);

  const found = JSON.parse(
    execFileSync("npx", ["tsx", "--conditions=react-server", "tests/e2e/support/log-secrets.ts"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:./data/${name}.db` },
      encoding: "utf8",
    })
      .trim()
      .split("\n")
      .pop() as string,
  ) as { idNumbers: string[]; codes: string[] };
  expect(found.idNumbers.length).toBeGreaterThan(100);
  expect(found.idNumbers).toContain(student.idNumber);
  expect(found.idNumbers).toContain(newIdNumber);
  expect(found.codes).toContain(sms.code);
  expect(found.codes.length).toBeGreaterThan(0);

  const secrets = [...found.idNumbers, ...found.codes, DEMO_STAFF_PASSWORD, DEMO_STUDENT_PASSWORD];
  const leaks: string[] = [];
  for (const [i, line] of lines.entries()) {
    for (const secret of secrets) {
      // whole values only: a 6-digit code may occur inside a longer number by chance
      const at = line.indexOf(secret);
      if (at < 0) continue;
      const before = line[at - 1] ?? " ";
      const after = line[at + secret.length] ?? " ";
      if (/[A-Za-z0-9]/.test(before) || /[A-Za-z0-9]/.test(after)) continue;
      leaks.push(`line ${i + 1}: ${secret.slice(0, 3)}…`);
    }
  }
  expect(leaks).toEqual([]);
});
