import { execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { Client } from "pg";
import { checkDigitFor } from "../../lib/identity/id-number";
import { EXAM_NUMBER_HEADERS, ROSTER_HEADERS } from "../../lib/roster-import/columns";
import { NGINX } from "../bench/cluster/balancer";
import { freshDatabase, type Database } from "../bench/cluster/postgres";
import { portFree, startProcess, stopProcess, waitForHttp } from "../bench/cluster/processes";
import { startLocalSmsGateway, type LocalSmsGateway } from "./support/local-sms-gateway";
import { startLocalSmtp, type LocalSmtp } from "./support/local-smtp";
import {
  nginxConf,
  settingsCommand,
  settingsFile,
  sourcedCommand,
  systemdService,
} from "./support/operations-doc";

/**
 * docs/operations.md followed on this machine, end to end (issue 13 "Done when"): a fresh PostgreSQL
 * database; the guide's settings file with secrets generated here (APP_MODE=production, https public URL,
 * TRUST_PROXY, one NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, a shared uploads folder); the guide's migrate command;
 * two instances started with the guide's systemd environment and command on the existing build; the guide's
 * nginx site in front of them with TLS (a self-signed certificate made now); the SMTP provider pointed at a
 * local SMTP server and the SMS provider (the Alibaba Cloud API) at a local stand-in, both started here.
 *
 * In Chromium, through https: the portal is empty (no demo university, no banner); `npm run admin:create`
 * prints a one-time password; the administrator signs in, must change it, creates the registrar; the
 * registrar signs in, must change the password, imports a roster and opens a campaign; a student registers
 * with the SMS code the gateway received, verifies the e-mail with the link the SMTP server received, finds
 * the record and confirms it; the registrar's dashboard counts the confirmation.
 *
 * Every process (nginx, instances, SMTP, SMS) and the database are removed afterwards, also on failure.
 * Ports: PRODUCTION_E2E_PORT (default 3170) for nginx, the next four for the instances, SMTP and SMS.
 * Staff pages at 1280 px, the student at 360 px, in Chinese.
 */
test.describe.configure({ mode: "serial", retries: 0 });

const PORT = Number(process.env.PRODUCTION_E2E_PORT ?? 3170);
const INSTANCE_PORTS = [PORT + 1, PORT + 2];
const SMTP_PORT = PORT + 3;
const SMS_PORT = PORT + 4;
const BASE = `https://127.0.0.1:${PORT}`;
const CHECKOUT = process.cwd();

test.use({ baseURL: BASE, ignoreHTTPSErrors: true, viewport: { width: 1280, height: 800 } });

let dir: string;
let envFile: string;
let db: Database | undefined;
let smtp: LocalSmtp | undefined;
let sms: LocalSmsGateway | undefined;
const processes: ChildProcess[] = [];

const secret = () => randomBytes(32).toString("base64");
const stamp = `${Date.now() % 1_000_000}${randomInt(100, 999)}`;

/** A valid ID number of a woman (the 17th digit is even) born on `birth`. */
function idNumber(birth: string): string {
  const first17 = `330106${birth.replaceAll("-", "")}${String(randomInt(0, 500) * 2).padStart(3, "0")}`;
  return first17 + checkDigitFor(first17);
}

const students = ["林晓雯", "周子墨", "吴嘉宁"].map((name, i) => {
  const birth = `2005-03-1${i}`;
  return {
    name,
    birth,
    idNumber: idNumber(birth),
    studentNumber: `2023${stamp}${i}`,
    examNumber: `23330106${String(randomInt(0, 1_000_000)).padStart(6, "0")}`,
  };
});
const STUDENT = { ...students[0], phone: `137${String(randomInt(0, 1e8)).padStart(8, "0")}` };
const STUDENT_PASSWORD = "西湖边的柳树发了新芽";
const STUDENT_EMAIL = `lin.${stamp}@example.edu.cn`;

function rosterCsv(): Buffer {
  const headers = [...ROSTER_HEADERS, EXAM_NUMBER_HEADERS[0]];
  const rows = students.map((s) => ({
    姓名: s.name,
    性别: "女",
    出生日期: s.birth,
    民族: "汉族",
    证件类型: "居民身份证",
    证件号码: s.idNumber,
    层次: "本科",
    专业: "汉语言文学",
    学制: "4",
    学历类别: "普通",
    学习形式: "普通全日制",
    分院: "人文学院",
    "系(所、函授站)": "中文系",
    班级: "汉语言2301班",
    学号: s.studentNumber,
    入学日期: "2023-09-01",
    预计毕业日期: "2027-06-30",
    学籍状态: "在籍(注册学籍)",
    考生号: s.examNumber,
  }));
  const lines = [headers.join(","), ...rows.map((r) => headers.map((h) => r[h as keyof typeof r]).join(","))];
  return Buffer.from("\uFEFF" + lines.join("\r\n") + "\r\n");
}

/** Only what a service account's environment holds; everything else comes from the settings file. */
const bareEnvironment = (extra: Record<string, string> = {}) =>
  ({
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "/tmp",
    ...extra,
  }) as unknown as NodeJS.ProcessEnv;

/** Runs one of the guide's commands with the settings file, as the service account would. */
function guideCommand(needle: string, command = settingsCommand(needle, envFile)): string {
  return execFileSync("sh", ["-c", command], {
    cwd: CHECKOUT,
    encoding: "utf8",
    env: bareEnvironment({ NEXT_TELEMETRY_DISABLED: "1" }),
    stdio: ["ignore", "pipe", "pipe"],
  });
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  for (const port of [PORT, ...INSTANCE_PORTS, SMTP_PORT, SMS_PORT]) await portFree(port);
  dir = mkdtempSync(path.join(tmpdir(), "production-e2e-"));
  const uploads = path.join(dir, "uploads");
  mkdirSync(uploads, { mode: 0o700 });
  db = await freshDatabase(`xj_production_e2e_${Date.now().toString(36)}`);

  const smsKey = { accessKeyId: `LTAI${randomBytes(8).toString("hex")}`, accessKeySecret: secret() };
  sms = await startLocalSmsGateway(SMS_PORT, smsKey);
  smtp = await startLocalSmtp(SMTP_PORT, "no-reply@example.edu.cn", randomBytes(12).toString("hex"));

  envFile = path.join(dir, "env");
  const actionsKey = secret();
  writeFileSync(
    envFile,
    settingsFile(
      {
        APP_MODE: "production",
        DATABASE_URL: db.url,
        NEXTAUTH_URL: BASE,
        NEXTAUTH_SECRET: secret(),
        DATA_ENCRYPTION_KEY: secret(),
        BLIND_INDEX_KEY: secret(),
        APP_SECRET: secret(),
        NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: actionsKey,
        UPLOADS_DIR: uploads,
        BACKUP_DIR: path.join(dir, "backups"),
        TRUST_PROXY: "1",
        SMS_PROVIDER: "aliyun",
        SMS_ALIYUN_ACCESS_KEY_ID: smsKey.accessKeyId,
        SMS_ALIYUN_ACCESS_KEY_SECRET: smsKey.accessKeySecret,
        SMS_ALIYUN_SIGN_NAME: "学籍自查",
        SMS_ALIYUN_TEMPLATE_CODE: "SMS_000000001",
        EMAIL_PROVIDER: "smtp",
        SMTP_URL: smtp.url,
        MAIL_FROM: "学籍自查 <no-reply@example.edu.cn>",
      },
      // the gateway's address: the real one is the default (docs/operations.md says how to change it)
      { SMS_ALIYUN_ENDPOINT: sms.url },
    ),
    { mode: 0o600 },
  );

  // The configuration check the guide starts with: production accepts these settings.
  expect(guideCommand("check:config", sourcedCommand("npm run check:config", envFile))).toContain(
    "[config] mode: production",
  );
  // One server, step by step: migrate, then the instances (the build is the e2e suite's, made once).
  guideCommand("npx prisma migrate deploy");
  const log = openSync(path.join(dir, "instances.log"), "a");
  for (const port of INSTANCE_PORTS) {
    const unit = systemdService(port, CHECKOUT);
    processes.push(
      startProcess("sh", ["-c", `set -a; . "${envFile}"; set +a; exec ${unit.exec}`], {
        cwd: CHECKOUT,
        env: bareEnvironment({ NEXT_TELEMETRY_DISABLED: "1", ...unit.env }),
        stdio: ["ignore", log, log],
      }),
    );
  }
  await Promise.all(INSTANCE_PORTS.map((p) => waitForHttp(`http://127.0.0.1:${p}/healthz`, 180_000)));

  const nginxDir = path.join(dir, "nginx");
  mkdirSync(nginxDir);
  const certificate = path.join(nginxDir, "cert.pem");
  const key = path.join(nginxDir, "key.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      key,
      "-out",
      certificate,
    ],
    { stdio: "ignore" },
  );
  const conf = path.join(nginxDir, "nginx.conf");
  writeFileSync(conf, nginxConf({ dir: nginxDir, port: PORT, instances: INSTANCE_PORTS, certificate, key }));
  execFileSync(NGINX, ["-t", "-q", "-c", conf, "-p", nginxDir]);
  processes.push(startProcess(NGINX, ["-c", conf, "-p", nginxDir, "-g", "daemon off;"]));
});

test.afterAll(async () => {
  for (const child of processes.reverse())
    await stopProcess(child, child.spawnfile === NGINX ? "SIGQUIT" : "SIGTERM");
  await smtp?.close();
  await sms?.close();
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function staffSignIn(page: Page, username: string, password: string) {
  await page.goto("/staff/login");
  await page.locator("input[name=username]").fill(username);
  await page.locator("input[name=password]").fill(password);
  await page.locator("form:has(input[name=password]) [type=submit]").click();
}

/** The forced first change of a password someone else chose. */
async function changeOwnPassword(page: Page, current: string, next: string) {
  await expect(page).toHaveURL(/\/staff\/password$/);
  await expect(page.getByText("您的密码由他人设置")).toBeVisible();
  await page.locator("#currentPassword").fill(current);
  await page.locator("#newPassword").fill(next);
  await page.locator("#confirmPassword").fill(next);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("密码已修改")).toBeVisible();
  await page.getByRole("link", { name: "继续" }).click();
}

let registrarPassword = "";
/** Every secret value the flow typed or received: none may be in a log line or readable in the database. */
const secretsUsed: string[] = [];

test("the instances are ready behind nginx over https, and the portal is empty and not a demo", async ({
  request,
}) => {
  for (const port of INSTANCE_PORTS) {
    const ready = await request.get(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: "ready",
      checks: { database: "ok", migrations: "ok", uploads: "ok" },
    });
  }
  const health = await request.get("/healthz");
  expect(health.status()).toBe(200);
  expect((await health.json()).instance).toMatch(new RegExp(`-(${INSTANCE_PORTS.join("|")})$`));
  // production: the development outbox does not exist
  expect((await request.get("/api/dev/outbox?to=13800000001")).status()).toBe(404);
  const home = await request.get("/login");
  expect(await home.text()).not.toContain("演示环境");
});

test("admin:create prints a one-time password; the administrator must change it and creates the registrar", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // it refuses when an enabled administrator exists: succeeding shows there is no demo admin
  const printed = guideCommand("npm run admin:create");
  const oneTime = /One-time password[^\n]*\n\s+(\S+)/.exec(printed)?.[1] ?? "";
  expect(oneTime).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
  secretsUsed.push(oneTime);
  const username = /--username (\S+)/.exec(settingsCommand("npm run admin:create", envFile))?.[1] ?? "";

  await page.goto("/");
  await expect(page.getByText("演示环境")).toHaveCount(0);
  await staffSignIn(page, username, oneTime);
  const adminPassword = "钱塘江的潮水九月最高";
  secretsUsed.push(adminPassword);
  await changeOwnPassword(page, oneTime, adminPassword);
  await expect(page).toHaveURL(/\/admin$/);

  await page.goto("/admin/staff/new");
  await page.getByLabel("用户名").fill("registrar");
  await page.getByLabel("显示名称").fill("学籍管理科");
  await page.locator("#roles-registrar").check();
  await page.getByRole("button", { name: "创建账号" }).click();
  await expect(page.getByText("已创建账号 registrar")).toBeVisible();
  registrarPassword = (await page.getByTestId("initial-password").innerText()).trim();
  expect(registrarPassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
  secretsUsed.push(registrarPassword);

  // The providers production started with cannot be switched back to the outbox.
  await page.goto("/admin/settings");
  const notAvailable = page.getByText("生产模式下不可用：学生将收不到任何验证码和通知");
  await expect(notAvailable).toHaveCount(2);
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 800 });
    await notAvailable.first().scrollIntoViewIfNeeded();
    await expect(notAvailable.first()).toBeInViewport();
    await page.screenshot({
      path: test.info().outputPath(`admin-settings-production-${width}.png`),
      fullPage: true,
    });
  }
});

test("the registrar changes the password, imports the roster and opens a campaign", async ({ page }) => {
  test.setTimeout(120_000);
  expect(registrarPassword, "the registrar was created").not.toBe("");
  await staffSignIn(page, "registrar", registrarPassword);
  await changeOwnPassword(page, registrarPassword, "桂花开时一起去看潮水");
  await expect(page).toHaveURL(/\/registrar$/);

  await page.goto("/registrar/import");
  await page
    .locator("input[name=file]")
    .setInputFiles({ name: "2023级名册.csv", mimeType: "text/csv", buffer: rosterCsv() });
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(page.getByText("预览完成，待确认")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("new-students")).toContainText(STUDENT.name);
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByText("导入完成")).toBeVisible({ timeout: 30_000 });

  await page.goto("/registrar/campaigns");
  const schoolTime = (hours: number) =>
    new Date(Date.now() + hours * 3_600_000 + 8 * 3_600_000).toISOString().slice(0, 16);
  await page.locator("#name").fill("2023级本科学籍自查");
  await page.locator("#cohort").selectOption("2023");
  await page.locator("#level").selectOption("本科");
  await page.locator("#startsAt").fill(schoolTime(-1));
  await page.locator("#endsAt").fill(schoolTime(24 * 14));
  await page.getByRole("button", { name: "新建批次" }).click();
  await expect(page.getByText("已创建自查批次。")).toBeVisible();
  await expect(
    page.locator("tbody tr", { hasText: "2023级本科学籍自查" }).getByTestId("campaign-students"),
  ).toHaveText("3");
});

test("a student registers with the SMS code, verifies the e-mail, confirms the record; the registrar sees it", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto("/register");
  await page.locator("#phone").fill(STUDENT.phone);
  const asked = Date.now();
  await page.locator("button[name=intent][value=sendCode]").click();
  await expect(page.locator("#code-notice")).not.toBeEmpty();
  const code = await sms!.codeFor(STUDENT.phone, asked);
  expect(code).toMatch(/^\d{6}$/);
  secretsUsed.push(code);
  const fields = {
    code,
    password: STUDENT_PASSWORD,
    confirmPassword: STUDENT_PASSWORD,
    name: STUDENT.name,
    idNumber: STUDENT.idNumber,
    email: STUDENT_EMAIL,
  };
  for (const [id, value] of Object.entries(fields)) await page.locator(`#${id}`).fill(value);
  await page.locator("#sensitiveConsent").check();
  const submit = page.getByRole("button", { name: "立即注册", exact: true });
  await submit.scrollIntoViewIfNeeded();
  await expect(submit).toBeInViewport();
  await submit.click();
  await expect(page).toHaveURL(/\/record/, { timeout: 30_000 });

  // The e-mail went through the SMTP server: its link verifies the address.
  const mail = await smtp!.messageTo(STUDENT_EMAIL);
  expect(mail.from?.text).toContain("no-reply@example.edu.cn");
  const link = /https:\/\/\S+/.exec(mail.text ?? "")?.[0] ?? "";
  expect(link.startsWith(`${BASE}/`), link).toBe(true);
  const token = new URL(link).searchParams.get("token") ?? "";
  expect(token.length, "the link carries its token").toBeGreaterThanOrEqual(20);
  secretsUsed.push(token);
  await page.goto(link);
  await page.getByRole("button", { name: "确认绑定" }).click();
  await expect(page.getByRole("status")).toContainText(STUDENT_EMAIL.slice(0, 1));

  await page.goto("/record");
  await expect(page.locator('[data-field="name"] dd')).toHaveText(STUDENT.name);
  await expect(page.locator('[data-field="studentNumber"] dd')).toHaveText(STUDENT.studentNumber);
  const confirm = page.getByRole("button", { name: "确认无误" });
  // Each instance keeps the campaign list for up to 10 s (docs/performance.md): the instance nginx sends the
  // student to may learn of the campaign the registrar just opened a few seconds later.
  await expect(async () => {
    if (!(await confirm.isVisible())) {
      await page.reload();
      await expect(confirm).toBeVisible({ timeout: 2_000 });
    }
  }).toPass({ timeout: 30_000 });
  await confirm.scrollIntoViewIfNeeded();
  await expect(confirm).toBeInViewport();
  await confirm.click();
  await expect(page.getByText(/您已于 .* 确认学籍信息无误/)).toBeVisible();

  // The registrar's dashboard counts it.
  const registrar = await browser.newPage({ baseURL: BASE, ignoreHTTPSErrors: true });
  await staffSignIn(registrar, "registrar", "桂花开时一起去看潮水");
  await expect(registrar).toHaveURL(/\/registrar$/);
  const confirmed = registrar.locator("dl > div", { hasText: "已确认" }).locator("dd").first();
  await expect(confirmed).toHaveText("1");
  await registrar.close();
});

test("no log line holds an ID number, code, password or token; the sent-message log keeps no code", async () => {
  const values = [
    ...secretsUsed,
    "桂花开时一起去看潮水",
    STUDENT_PASSWORD,
    ...students.flatMap((s) => [s.idNumber, s.examNumber]),
  ];
  expect(secretsUsed.length, "the flow ran").toBeGreaterThanOrEqual(5);
  const logs = {
    instances: readFileSync(path.join(dir, "instances.log"), "utf8"),
    nginx: readFileSync(path.join(dir, "nginx", "access.log"), "utf8"),
  };
  expect(logs.instances).toContain('"msg":"request"');
  expect(logs.nginx.split("\n").length).toBeGreaterThan(20);
  for (const [name, text] of Object.entries(logs))
    for (const value of values) expect(text.includes(value), `${name} log holds a secret value`).toBe(false);

  const client = new Client({ connectionString: db?.url });
  await client.connect();
  try {
    const { rows } = await client.query<{
      code: string | null;
      body: string;
      provider: string;
      status: string;
    }>(`SELECT "code", "body", "provider", "status" FROM "OutboundMessage" WHERE "to" = $1`, [STUDENT.phone]);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatchObject({ code: null, provider: "aliyun", status: "sent" });
      for (const value of secretsUsed) expect(row.body.includes(value)).toBe(false);
    }
  } finally {
    await client.end();
  }
});
