import { randomInt } from "node:crypto";
import { expect, test, type APIRequestContext, type Page, type PlaywrightWorkerArgs } from "@playwright/test";
import sharp from "sharp";
import { checkDigitFor } from "../../lib/identity/id-number";
import { apiRecord } from "../support/api-record";
import { latestMessage, signInStaff, signInStudent } from "./support/helpers";

/**
 * The public API (SPEC §12) as another school system uses it: an API client over real HTTP, with no
 * browser cookies, only `Authorization: Bearer <token>`. The admin creates the tokens in the UI
 * (/admin/tokens); the registrar token upserts a record (an invalid item beside it is reported on its own and
 * not stored; the same record sent again is unchanged) and reads the self-check status; a student registers
 * for that record in the browser and reports a wrong field with evidence; a college token outside the
 * record's college is refused that correction (404, not listed); the in-scope college token decides first,
 * the registrar token approves, and the correction's status and the record reflect it. Without a token,
 * with a forged one or with one revoked in the UI, the API answers 401.
 *
 * Data: the demo admin; college01's college 计算机与信息工程学院 (C01) and 外国语学院 as "another college";
 * per run a fresh 学号, ID number, class (接口…班), phone and token names. No demo student is used. The
 * tests build on each other (tokens → record → correction → decisions), so they run in order and a failed
 * attempt is not retried on top of its own leftovers. Staff pages at desktop width, in Chinese.
 */
test.describe.configure({ mode: "serial", retries: 0 });
test.use({ viewport: { width: 1280, height: 800 } });

const IN_SCOPE_COLLEGE = "计算机与信息工程学院";
const OTHER_COLLEGE = "外国语学院";
const COHORT = "2023";

const tag = `${Date.now().toString(36)}${randomInt(0, 1000)}`;
const studentNumber = `9${String(Date.now()).slice(-9)}${String(randomInt(0, 100)).padStart(2, "0")}`;
const badStudentNumber = `${studentNumber}X`;
const male = randomInt(0, 2) === 1;
const birthDate = `2005-${String(randomInt(1, 13)).padStart(2, "0")}-${String(randomInt(1, 29)).padStart(2, "0")}`;
/** GB 11643: region, birth date, a sequence whose last digit is odd for men, then the check digit. */
const idFirst17 = `420106${birthDate.replaceAll("-", "")}${String(randomInt(0, 500) * 2 + (male ? 1 : 0)).padStart(3, "0")}`;
const idNumber = idFirst17 + checkDigitFor(idFirst17);
const wrongCheckDigit = idFirst17 + (checkDigitFor(idFirst17) === "0" ? "1" : "0");
const studentName = ["周文博", "吴佳宁", "郑子墨", "孙若溪"][randomInt(0, 4)];
const className = `接口${tag}班`;
const phone = `139${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
const password = "秋天的操场上有桂花香";

const record = apiRecord(
  {
    studentNumber,
    name: studentName,
    gender: male ? "男" : "女",
    birthDate,
    idNumber,
    college: IN_SCOPE_COLLEGE,
    classGroup: className,
  },
  { department: "软件工程系", enrolledOn: `${COHORT}-09-01` },
);
const invalid = { ...record, studentNumber: badStudentNumber, name: "王五", idNumber: wrongCheckDigit };

/** What the tests hand on to each other (serial mode). */
const tokens = { registrar: "", college: "", otherCollege: "" };
const names = {
  registrar: `教务系统${tag}`,
  college: `计信学院看板${tag}`,
  otherCollege: `外语学院看板${tag}`,
};
let collegeCode = "";
let requestId = "";

type Json = Record<string, unknown>;
type Counts = { records: number; registered: number; viewed: number; confirmed: number; reported: number };
type Status = { cohort: string; colleges: (Counts & { collegeCode: string; collegeName: string })[] };
type Reply<T = Json> = { status: number; body: T & { code?: string; error?: string }; headers: Json };
type Client = {
  call: <T = Json>(
    method: string,
    path: string,
    token?: string | null,
    data?: unknown,
    headers?: Record<string, string>,
  ) => Promise<Reply<T>>;
  dispose: () => Promise<void>;
};

/** A client without the browser's cookies: only the bearer token counts. */
async function apiClient(playwright: PlaywrightWorkerArgs["playwright"], baseURL?: string): Promise<Client> {
  const api: APIRequestContext = await playwright.request.newContext({ baseURL });
  return {
    async call<T>(
      method: string,
      path: string,
      token?: string | null,
      data?: unknown,
      headers: Record<string, string> = {},
    ) {
      const response = await api.fetch(path, {
        method,
        headers: token ? { ...headers, authorization: `Bearer ${token}` } : headers,
        ...(data === undefined ? {} : { data }),
      });
      const text = await response.text();
      return {
        status: response.status(),
        body: (text ? JSON.parse(text) : {}) as Reply<T>["body"],
        headers: response.headers(),
      };
    },
    dispose: () => api.dispose(),
  };
}

/** The in-scope college's counts (cohort 2023, its open 本科 campaign), read with the registrar token. */
async function collegeCounts(client: Client): Promise<Counts> {
  const res = await client.call<Status>(
    "GET",
    `/api/v1/self-check-status?cohort=${COHORT}&collegeCode=${collegeCode}`,
    tokens.registrar,
  );
  expect(res.status).toBe(200);
  expect(res.body.colleges).toHaveLength(1);
  const { records, registered, viewed, confirmed, reported } = res.body.colleges[0];
  return { records, registered, viewed, confirmed, reported };
}

async function asAdminOnTokens(page: Page) {
  await signInStaff(page, "admin");
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/tokens");
}

/** Fills the 创建令牌 form and returns the token shown once. */
async function createToken(page: Page, name: string, role: "registrar" | "college", college?: string) {
  await page.getByLabel("名称").fill(name);
  await page.locator(`#role-${role}`).check();
  if (college) await page.locator("#token-colleges").getByLabel(college).check();
  // these tokens write (records, decisions): the form's default is read-only
  await page.locator("#token-access-readWrite").check();
  await page.getByRole("button", { name: "创建令牌" }).click();
  await expect(page.getByText(`令牌“${name}”已创建`)).toBeVisible();
  const token = (await page.getByTestId("api-token").innerText()).trim();
  expect(token).toMatch(/^xjt_/);
  return token;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("the admin creates a registrar token and two college tokens; without a valid token the API answers 401", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.slow(); // an argon2 sign-in and three server actions on a busy machine
  await asAdminOnTokens(page);
  tokens.registrar = await createToken(page, names.registrar, "registrar");
  tokens.college = await createToken(page, names.college, "college", IN_SCOPE_COLLEGE);
  tokens.otherCollege = await createToken(page, names.otherCollege, "college", OTHER_COLLEGE);

  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(escape(names.college)) })).toContainText(
    IN_SCOPE_COLLEGE,
  );
  await expect(page.getByRole("row", { name: new RegExp(escape(names.otherCollege)) })).toContainText(
    OTHER_COLLEGE,
  );
  await expect(page.getByRole("row", { name: new RegExp(escape(names.registrar)) })).toContainText(
    "全部学院",
  );

  const client = await apiClient(playwright, baseURL);
  const none = await client.call("GET", `/api/v1/self-check-status?cohort=${COHORT}`);
  expect(none.status).toBe(401);
  expect(none.body.code).toBe("api.errors.missingToken");
  expect(none.headers["www-authenticate"]).toContain("Bearer");
  const noneOnWrite = await client.call("PUT", "/api/v1/records", null, { records: [record] });
  expect(noneOnWrite.status).toBe(401);
  const forged = await client.call("GET", "/api/v1/corrections", `xjt_forged${tag}`);
  expect(forged.status).toBe(401);
  expect(forged.body.code).toBe("api.errors.invalidToken");

  // the registrar token sees every college; find the in-scope one's code by its name
  const all = await client.call<Status>(
    "GET",
    `/api/v1/self-check-status?cohort=${COHORT}`,
    tokens.registrar,
  );
  expect(all.status).toBe(200);
  collegeCode = all.body.colleges.find((c) => c.collegeName === IN_SCOPE_COLLEGE)?.collegeCode ?? "";
  expect(collegeCode).not.toBe("");
  // a college token only its own
  const own = await client.call<Status>("GET", `/api/v1/self-check-status?cohort=${COHORT}`, tokens.college);
  expect(own.status).toBe(200);
  expect(own.body.colleges.map((c) => c.collegeName)).toEqual([IN_SCOPE_COLLEGE]);
  await client.dispose();
});

test("the registrar token upserts a new record, reports the invalid item on its own, and a re-send is unchanged", async ({
  playwright,
  baseURL,
}) => {
  const client = await apiClient(playwright, baseURL);
  const before = await collegeCounts(client);

  type Upsert = {
    importJobId: string | null;
    summary: Record<string, number>;
    results: { index: number; studentNumber: string; outcome: string; issues?: Json[] }[];
  };
  const put = await client.call<Upsert>("PUT", "/api/v1/records", tokens.registrar, {
    records: [record, invalid],
  });
  expect(put.status).toBe(200);
  expect(put.body.summary).toEqual({
    received: 2,
    created: 1,
    updated: 0,
    unchanged: 0,
    errors: 1,
    conflicts: 0,
  });
  expect(put.body.results.map((r) => [r.index, r.studentNumber, r.outcome])).toEqual([
    [0, studentNumber, "created"],
    [1, badStudentNumber, "error"],
  ]);
  expect(put.body.results[1].issues?.[0]).toMatchObject({
    field: "idNumber",
    code: "import.issues.idCheckDigit",
  });
  expect(put.body.importJobId).toBeTruthy();

  // the same record again: nothing to change
  const again = await client.call<Upsert>("PUT", "/api/v1/records", tokens.registrar, { records: [record] });
  expect(again.status).toBe(200);
  expect(again.body.summary).toMatchObject({ received: 1, created: 0, updated: 0, unchanged: 1, errors: 0 });
  expect(again.body.results[0]).toMatchObject({ studentNumber, outcome: "unchanged" });

  // a college token may not write records
  const college = await client.call("PUT", "/api/v1/records", tokens.college, { records: [record] });
  expect(college.status).toBe(403);
  expect(college.body.code).toBe("api.errors.forbidden");

  // only the valid record was stored: the college has exactly one record more, nobody registered for it yet
  expect(await collegeCounts(client)).toEqual({ ...before, records: before.records + 1 });
  await client.dispose();
});

test("a registrar token limited to another college can neither take the record into its college nor overwrite it (403)", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.slow(); // an argon2 sign-in and a server action
  await asAdminOnTokens(page);
  const scoped = await createToken(page, `外语学院教务${tag}`, "registrar", OTHER_COLLEGE);
  const client = await apiClient(playwright, baseURL);
  const before = await collegeCounts(client);
  // the record's 学号 with the token's own college: a move of another college's student
  const move = await client.call("PUT", "/api/v1/records", scoped, {
    records: [{ ...record, college: OTHER_COLLEGE, name: "改名", status: "休学" }],
  });
  expect(move.status).toBe(403);
  expect(move.body.code).toBe("api.records.collegeOutOfScope");
  expect(move.body.fieldErrors).toHaveProperty(["records.0.studentNumber"]);
  // nothing changed: the registrar token still finds the record as it was
  const check = await client.call<{ summary: Record<string, number> }>(
    "PUT",
    "/api/v1/records",
    tokens.registrar,
    {
      records: [record],
    },
  );
  expect(check.body.summary).toMatchObject({ unchanged: 1, updated: 0 });
  expect(await collegeCounts(client)).toEqual(before);
  await client.dispose();
});

test("a student registers for the new record and reports a wrong 系 with evidence; the status counts it", async ({
  page,
  request,
  playwright,
  baseURL,
}) => {
  test.slow(); // registration (argon2) and an upload
  const client = await apiClient(playwright, baseURL);
  const before = await collegeCounts(client);

  await page.setViewportSize({ width: 360, height: 780 }); // the student's phone
  await page.goto("/register");
  await page.locator("#phone").fill(phone);
  const after = new Date(Date.now() - 1000);
  await page.locator("button[name=intent][value=sendCode]").click();
  await expect(page.locator("#code-notice")).not.toBeEmpty();
  const sms = await latestMessage(request, phone, { after });
  expect(sms.code).toMatch(/^\d{6}$/);
  const fields = {
    code: sms.code ?? "",
    password,
    confirmPassword: password,
    name: studentName,
    idNumber,
  };
  for (const [id, value] of Object.entries(fields)) await page.locator(`#${id}`).fill(value);
  await page.locator("#sensitiveConsent").check();
  await page.getByRole("button", { name: "立即注册", exact: true }).click();
  await expect(page).toHaveURL(/\/record/, { timeout: 20_000 });

  await page.goto("/record");
  await expect(page.locator('[data-field="studentNumber"] dd')).toHaveText(studentNumber);
  await expect(page.locator('[data-field="classGroup"] dd')).toHaveText(className);
  await expect(page.locator('[data-field="department"] dd')).toHaveText("软件工程系");

  await page.getByRole("link", { name: "信息有误" }).click();
  await expect(page).toHaveURL(/\/record\/report/);
  const block = page.locator("li", { has: page.getByRole("checkbox", { name: /^系（所、函授站）/ }) });
  await block.getByRole("checkbox").check();
  await block.getByLabel("正确信息").fill("网络工程系");
  await block.getByLabel("理由").fill("已按学校通知转入网络工程系");
  await page.getByLabel("证明材料", { exact: true }).setInputFiles({
    name: "转系通知.png",
    mimeType: "image/png",
    buffer: await sharp({ create: { width: 64, height: 48, channels: 3, background: "#e8e0c8" } })
      .png()
      .toBuffer(),
  });
  await page.getByRole("button", { name: "提交更正申请" }).click();
  await expect(page).toHaveURL(/\/record\/requests\/[^/?]+\?submitted=1/, { timeout: 30_000 });
  await expect(page.getByText("待学院审核").first()).toBeVisible();
  requestId = new URL(page.url()).pathname.split("/").pop() ?? "";
  expect(requestId).not.toBe("");

  expect(await collegeCounts(client)).toEqual({
    ...before,
    registered: before.registered + 1,
    viewed: before.viewed + 1,
    reported: before.reported + 1,
  });
  await client.dispose();
});

test("a college token outside the record's college does not see the correction and cannot decide it (404)", async ({
  playwright,
  baseURL,
}) => {
  const client = await apiClient(playwright, baseURL);
  type List = { stage: string; corrections: { id: string }[] };
  const list = await client.call<List>("GET", "/api/v1/corrections?status=all", tokens.otherCollege);
  expect(list.status).toBe(200);
  expect(list.body.stage).toBe("college");
  expect(list.body.corrections.map((c) => c.id)).not.toContain(requestId);
  const byNumber = await client.call<List>(
    "GET",
    `/api/v1/corrections?status=all&q=${studentNumber}`,
    tokens.otherCollege,
  );
  expect(byNumber.body.corrections).toEqual([]);

  const read = await client.call("GET", `/api/v1/corrections/${requestId}`, tokens.otherCollege);
  expect(read.status).toBe(404);
  expect(read.body.code).toBe("api.errors.notFound");
  // even with the real item id (read with the in-scope token) a decision is "not found"
  const own = await client.call<{ status: string; items: { id: string }[] }>(
    "GET",
    `/api/v1/corrections/${requestId}`,
    tokens.college,
  );
  expect(own.status).toBe(200);
  const decide = await client.call("POST", `/api/v1/corrections/${requestId}/decision`, tokens.otherCollege, {
    decisions: [{ itemId: own.body.items[0].id, decision: "accepted" }],
  });
  expect(decide.status).toBe(404);
  expect(decide.body.code).toMatch(/notFound$/);
  // nor its college's counts
  const status = await client.call(
    "GET",
    `/api/v1/self-check-status?cohort=${COHORT}&collegeCode=${collegeCode}`,
    tokens.otherCollege,
  );
  expect(status.status).toBe(404);
  expect(status.body.code).toBe("api.status.collegeNotFound");

  // and it is still waiting for the college
  const after = await client.call<{ status: string }>(
    "GET",
    `/api/v1/corrections/${requestId}`,
    tokens.college,
  );
  expect(after.body.status).toBe("submitted");
  await client.dispose();
});

test("the college token decides first, the registrar token approves; correction, record and student page show it", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.slow();
  const client = await apiClient(playwright, baseURL);
  type Row = { id: string; status: string; lockVersion: number; studentNumber: string; fields: string[] };
  type List = { stage: string; corrections: Row[] };
  type Item = {
    id: string;
    field: string;
    current: string;
    requested: string;
    registrarDecision: string | null;
  };
  type Detail = { id: string; status: string; items: Item[] };

  const list = await client.call<List>("GET", `/api/v1/corrections?q=${studentNumber}`, tokens.college);
  expect(list.status).toBe(200);
  expect(list.body.stage).toBe("college");
  const row = list.body.corrections.find((c) => c.id === requestId);
  expect(row).toMatchObject({ status: "submitted", studentNumber, fields: ["department"] });
  const detail = await client.call<Detail>("GET", `/api/v1/corrections/${requestId}`, tokens.college);
  expect(detail.body.items).toEqual([
    expect.objectContaining({ field: "department", current: "软件工程系", requested: "网络工程系" }),
  ]);
  const itemId = detail.body.items[0].id;
  const decisionPath = `/api/v1/corrections/${requestId}/decision`;

  // the registrar cannot decide before the college has
  const early = await client.call("POST", decisionPath, tokens.registrar, {
    decisions: [{ itemId, decision: "accepted" }],
  });
  expect(early.status).toBe(409);
  expect(early.body.code).toMatch(/awaitingCollege$/);

  const first = await client.call("POST", decisionPath, tokens.college, {
    lockVersion: row?.lockVersion,
    decisions: [{ itemId, decision: "accepted" }],
  });
  expect(first.status).toBe(200);
  expect(first.body).toEqual({ stage: "college", status: "college_confirmed", accepted: 1, rejected: 0 });
  const twice = await client.call("POST", decisionPath, tokens.college, {
    decisions: [{ itemId, decision: "accepted" }],
  });
  expect(twice.status).toBe(409);

  const queue = await client.call<List>("GET", `/api/v1/corrections?q=${studentNumber}`, tokens.registrar);
  expect(queue.body.stage).toBe("registrar");
  const waiting = queue.body.corrections.find((c) => c.id === requestId);
  expect(waiting?.status).toBe("college_confirmed");
  const final = await client.call("POST", decisionPath, tokens.registrar, {
    lockVersion: waiting?.lockVersion,
    decisions: [{ itemId, decision: "accepted" }],
  });
  expect(final.status).toBe(200);
  expect(final.body).toEqual({ stage: "registrar", status: "approved", accepted: 1, rejected: 0 });

  const done = await client.call<Detail>("GET", `/api/v1/corrections/${requestId}`, tokens.registrar);
  expect(done.body.status).toBe("approved");
  expect(done.body.items[0]).toMatchObject({ current: "网络工程系", registrarDecision: "accepted" });
  // the college's counts still show the report (approval does not undo it)
  expect((await collegeCounts(client)).reported).toBeGreaterThan(0);

  // the roster system sending its old value does not overwrite the approved correction
  const stale = await client.call<{ results: { outcome: string; issues?: Json[] }[] }>(
    "PUT",
    "/api/v1/records",
    tokens.registrar,
    { records: [record] },
  );
  expect(stale.status).toBe(200);
  expect(stale.body.results[0].outcome).toBe("conflict");
  expect(stale.body.results[0].issues?.[0]).toMatchObject({
    field: "department",
    code: "import.issues.conflict",
  });
  await client.dispose();

  // the student sees the corrected record
  await page.setViewportSize({ width: 360, height: 780 });
  await signInStudent(page, phone, password);
  await page.goto("/record");
  await expect(page.locator('[data-field="department"] dd')).toHaveText("网络工程系");
  await expect(page.getByRole("region", { name: "更改前的信息" })).toContainText("软件工程系");
  await expect(page.getByText("已通过并更正").first()).toBeVisible();
});

test("a token revoked in the UI is refused at once (401), the other tokens keep working", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.slow();
  const client = await apiClient(playwright, baseURL);
  expect((await client.call("GET", "/api/v1/corrections", tokens.registrar)).status).toBe(200);

  await asAdminOnTokens(page);
  const row = page.getByRole("row", { name: new RegExp(escape(names.registrar)) });
  await expect(row).not.toContainText("从未使用");
  await row.getByRole("button", { name: `撤销令牌 ${names.registrar}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(escape(names.registrar)) })).toContainText("已撤销");

  const read = await client.call("GET", "/api/v1/corrections", tokens.registrar);
  expect(read.status).toBe(401);
  expect(read.body.code).toBe("api.errors.invalidToken");
  const write = await client.call("PUT", "/api/v1/records", tokens.registrar, { records: [record] });
  expect(write.status).toBe(401);
  expect(read.body.error).toContain("revoked");
  // the message follows the caller's language
  const status = await client.call(
    "GET",
    `/api/v1/self-check-status?cohort=${COHORT}`,
    tokens.registrar,
    undefined,
    { "accept-language": "zh-CN,zh;q=0.9" },
  );
  expect(status.status).toBe(401);
  expect(status.body.error).toContain("撤销");

  expect((await client.call("GET", "/api/v1/corrections", tokens.college)).status).toBe(200);
  await client.dispose();
});
