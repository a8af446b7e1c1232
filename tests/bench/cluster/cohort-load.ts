/**
 * The cohort's last evening, played over HTTP through the balancer (loopback only):
 * - students (`concurrency` at a time, each from its own loopback address) sign in on /login, open /record, confirm it (确认无误) — or, one in twenty, report an error
 *   (信息有误) with a small evidence image instead — and open /inbox;
 * - every college's staff reload their desk (/college/corrections) and not-checked list every 30 s;
 * - the registrar's dashboard (/registrar) is open and reloads every 30 s.
 * Forms are posted as a browser without JavaScript posts them (./browser.ts), so a confirmation counts as
 * acknowledged only when the page the student gets back says it was stored.
 *
 * A failed request — connection error, 502/503/504 — is retried the way a person would: after a pause,
 * once (`maxRetries`, more for a planned database outage, where every 503 must be the friendly
 * "please try again" page). Each retry is counted; a request still failing, or any other unexpected answer,
 * is an error.
 */
import { Browser, findForm, hiddenFields, type Field, type Reply } from "./browser";

export type Student = { phone: string; recordId: string };

export type CohortOptions = {
  base: string;
  seconds: number;
  concurrency: number;
  students: Student[];
  studentPassword: string;
  staffPassword: string;
  staff: string[];
  /** share of students who report an error instead of confirming */
  reportShare?: number;
  staffIntervalMs?: number;
  maxRetries?: number;
  retryPauseMs?: number;
  evidence: Buffer;
  log?: (line: string) => void;
};

export type StepStats = { name: string; latencies: number[]; errors: number; retries: number };

export type CohortResult = {
  seconds: number;
  journeys: number;
  steps: StepStats[];
  confirmed: { recordId: string; phone: string }[];
  reported: { recordId: string; requestId: string }[];
  errors: number;
  retries: number;
  /** answers that were the friendly "please try again" page (503) */
  tryAgainPages: number;
  /** students whose journey needed more than one retry in one step */
  studentsRetriedTwice: number;
  errorSamples: string[];
};

const STEPS = [
  "sign in",
  "/record",
  "confirm",
  "report form",
  "report submit",
  "/inbox",
  "college desk",
  "not-checked list",
  "registrar dashboard",
] as const;
type StepName = (typeof STEPS)[number];

/** Markers of an answer that leaks internals: never allowed in any page. */
const LEAKS = [/\n\s+at \S+ \(/, /PrismaClient/i, /Invalid `prisma/, /ECONNREFUSED/];
/** The friendly page the app shows while the database is unreachable (app/error.tsx, scripts/serve.ts). */
export const TRY_AGAIN_MARKERS = ["请稍后再试", "Please try again"];

class Failure extends Error {}

function isTransient(reply: Reply | Error): boolean {
  return reply instanceof Error || reply.status === 502 || reply.status === 503 || reply.status === 504;
}

function localAddressFor(n: number): string {
  return `127.1.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
}

export async function runCohort(o: CohortOptions): Promise<CohortResult> {
  const reportShare = o.reportShare ?? 0.05;
  const staffIntervalMs = o.staffIntervalMs ?? 30_000;
  const maxRetries = o.maxRetries ?? 1;
  const retryPauseMs = o.retryPauseMs ?? 500;
  const log = o.log ?? (() => undefined);
  const stats = new Map<StepName, StepStats>(
    STEPS.map((name) => [name, { name, latencies: [], errors: 0, retries: 0 }]),
  );
  const result: CohortResult = {
    seconds: o.seconds,
    journeys: 0,
    steps: [...stats.values()],
    confirmed: [],
    reported: [],
    errors: 0,
    retries: 0,
    tryAgainPages: 0,
    studentsRetriedTwice: 0,
    errorSamples: [],
  };
  const started = performance.now();
  const end = started + o.seconds * 1000;
  const fail = (step: StepName, detail: string) => {
    stats.get(step)!.errors++;
    result.errors++;
    if (result.errorSamples.length < 20)
      result.errorSamples.push(`${((performance.now() - started) / 1000).toFixed(1)} s ${step}: ${detail}`);
    return new Failure(detail);
  };
  const checkLeak = (step: StepName, reply: Reply) => {
    if (reply.status >= 500 && LEAKS.some((re) => re.test(reply.body)))
      throw fail(step, `${reply.status} page shows internals`);
  };

  /**
   * One step as a person does it: send, and on a connection error or a 502/503/504 wait and try again
   * (at most maxRetries times). `accept` decides whether the answer is what the step needs.
   */
  async function step<T>(
    name: StepName,
    send: () => Promise<Reply>,
    accept: (reply: Reply) => T | undefined,
  ): Promise<T> {
    const s = stats.get(name)!;
    const t0 = performance.now();
    for (let attempt = 0; ; attempt++) {
      let reply: Reply | Error;
      try {
        reply = await send();
      } catch (e) {
        reply = e instanceof Error ? e : new Error(String(e));
      }
      if (!(reply instanceof Error)) checkLeak(name, reply);
      if (isTransient(reply)) {
        if (!(reply instanceof Error) && reply.status === 503) {
          if (!TRY_AGAIN_MARKERS.some((m) => (reply as Reply).body.includes(m)))
            throw fail(name, `503 without the please-try-again page: ${summary(reply)}`);
          result.tryAgainPages++;
        }
        if (attempt < maxRetries) {
          s.retries++;
          result.retries++;
          if (attempt === 1) result.studentsRetriedTwice++;
          await new Promise((r) => setTimeout(r, retryPauseMs));
          continue;
        }
        throw fail(
          name,
          reply instanceof Error ? reply.message : `HTTP ${reply.status} after ${attempt} retries`,
        );
      }
      const answer = reply as Reply;
      const value = accept(answer);
      if (value === undefined)
        throw fail(name, `unexpected answer HTTP ${answer.status}: ${summary(answer)}`);
      s.latencies.push(performance.now() - t0);
      return value;
    }
  }

  /** Sign-in as the login page does it: its form (a server action) posted with phone/username + password. */
  async function signIn(browser: Browser, who: "student" | "staff", username: string, password: string) {
    const path = who === "student" ? "/login" : "/staff/login";
    await step(
      "sign in",
      async () => {
        browser.cookies.clear();
        const login = await browser.get(path);
        const form = login.status === 200 ? findForm(login.body, 'name="password"') : null;
        if (!form) return login;
        return browser.postForm(path, [
          ...hiddenFields(form),
          ["username", username],
          ["password", password],
        ]);
      },
      (reply) =>
        reply.status === 303 && [...browser.cookies.keys()].some((k) => k.includes("session-token"))
          ? reply
          : undefined,
    );
  }

  const page = (browser: Browser, name: StepName, path: string, marker?: string) =>
    step(
      name,
      () => browser.get(path),
      (r) => (r.status === 200 && (!marker || r.body.includes(marker)) ? r.body : undefined),
    );

  async function confirm(browser: Browser, recordHtml: string): Promise<boolean> {
    const form = findForm(recordHtml, "确认无误");
    if (!form) {
      // already confirmed in an earlier journey of this student (a wrap-around): nothing to do
      if (recordHtml.includes("已完成自查")) return true;
      throw fail("confirm", "no confirm form on /record");
    }
    return step(
      "confirm",
      () => browser.postForm("/record", hiddenFields(form)),
      (r) => (r.status === 200 && r.body.includes("已完成自查") ? true : undefined),
    );
  }

  async function report(browser: Browser, student: Student): Promise<string> {
    const path = `/record/report?r=${encodeURIComponent(student.recordId)}`;
    const html = await page(browser, "report form", path);
    const open = html.match(/href="\/record\/requests\/([^"?]+)"/);
    const form = findForm(html, 'name="evidence"');
    if (!form) {
      // the student reported in an earlier journey: the open request is shown instead of the form
      if (open) return open[1];
      throw fail("report form", "no correction form");
    }
    const fields: Field[] = [
      ...hiddenFields(form),
      ["fields", "ethnicity"],
      ["value.ethnicity", "蒙古族"],
      ["reason.ethnicity", "户口簿上登记的民族是蒙古族，录取时填错了。"],
      ["evidence", { filename: "户口簿.png", type: "image/png", data: o.evidence }],
    ];
    return step(
      "report submit",
      () => browser.postForm(path, fields),
      (r) => {
        const location = String(r.headers.location ?? "");
        const m = location.match(/\/record\/requests\/([^/?]+)\?submitted=1/);
        return r.status === 303 && m ? m[1] : undefined;
      },
    );
  }

  let next = 0;
  async function student(slot: number): Promise<void> {
    while (performance.now() < end) {
      const n = next++;
      const who = o.students[n % o.students.length];
      const browser = new Browser(o.base, localAddressFor(n));
      try {
        await signIn(browser, "student", who.phone, o.studentPassword);
        const recordHtml = await page(browser, "/record", "/record");
        if ((n * 7919) % 1000 < reportShare * 1000) {
          const requestId = await report(browser, who);
          result.reported.push({ recordId: who.recordId, requestId });
        } else if (await confirm(browser, recordHtml)) {
          result.confirmed.push({ recordId: who.recordId, phone: who.phone });
        }
        await page(browser, "/inbox", "/inbox");
        result.journeys++;
      } catch (e) {
        if (!(e instanceof Failure)) fail("sign in", `slot ${slot}: ${(e as Error).message}`);
      } finally {
        browser.close();
      }
    }
  }

  async function staffMember(username: string, index: number): Promise<void> {
    const browser = new Browser(o.base, `127.2.0.${index + 1}`);
    try {
      // spread over the interval, as people open their pages at different moments
      const spread = Math.min(staffIntervalMs, (o.seconds * 1000) / 2);
      await new Promise((r) => setTimeout(r, (index * spread) / Math.max(1, o.staff.length)));
      if (performance.now() >= end) return;
      await signIn(browser, "staff", username, o.staffPassword);
      while (performance.now() < end) {
        const round = performance.now();
        if (username === "registrar") await page(browser, "registrar dashboard", "/registrar");
        else {
          await page(browser, "college desk", "/college/corrections");
          await page(browser, "not-checked list", "/college?registered=yes&viewed=no");
        }
        const wait = staffIntervalMs - (performance.now() - round);
        if (wait > 0)
          await new Promise((r) => setTimeout(r, Math.min(wait, Math.max(0, end - performance.now()))));
      }
    } catch (e) {
      if (!(e instanceof Failure)) fail("college desk", `${username}: ${(e as Error).message}`);
    } finally {
      browser.close();
    }
  }

  const ticker = setInterval(
    () =>
      log(
        `  ${((performance.now() - started) / 1000).toFixed(0)} s: ${result.journeys} journeys, ` +
          `${result.errors} errors, ${result.retries} retries`,
      ),
    10_000,
  );
  try {
    await Promise.all([
      ...Array.from({ length: o.concurrency }, (_, i) => student(i)),
      ...o.staff.map((u, i) => staffMember(u, i)),
    ]);
  } finally {
    clearInterval(ticker);
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

function summary(reply: Reply): string {
  const title = reply.body.match(/<title>([^<]*)<\/title>/)?.[1];
  const h1 = reply.body.match(/<h1[^>]*>([^<]*)<\/h1>/)?.[1];
  return [title, h1].filter(Boolean).join(" / ") || reply.body.slice(0, 120).replace(/\s+/g, " ");
}
