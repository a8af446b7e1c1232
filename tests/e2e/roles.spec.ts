import { expect, test, type Page } from "@playwright/test";
import { DEMO_STUDENTS, signInStaff, signInStudent, signOut } from "./support/helpers";

/**
 * Foundation acceptance: every role signs in, lands on its own area and signs out for good (a replayed
 * session cookie is refused); every role is refused every other role's pages; signed-out visitors are sent
 * to the right login page; cross-origin POSTs are refused. Services refuse the same actors in
 * tests/integration/auth/authorization.test.ts.
 *
 * Student used: DEMO_STUDENTS[1] (13800000002) — this spec only signs it in and out.
 */

type Person = {
  label: string;
  kind: "staff" | "student";
  username: string;
  home: RegExp;
  /** The areas this person may open; every other area must be refused. */
  allowed: string[];
};

const STUDENT = DEMO_STUDENTS[1];

// Written out by hand (not derived from lib/auth/policy.ts) so a mistake in the policy shows up here.
const PEOPLE: Person[] = [
  {
    label: "student",
    kind: "student",
    username: STUDENT.phone,
    home: /\/record$/,
    allowed: ["/record", "/account", "/identity", "/inbox"],
  },
  {
    label: "registrar",
    kind: "staff",
    username: "registrar",
    home: /\/registrar$/,
    // The registrar sees every college, so the college desk opens too.
    allowed: ["/registrar", "/college", "/inbox"],
  },
  {
    label: "college01",
    kind: "staff",
    username: "college01",
    home: /\/college$/,
    allowed: ["/college", "/inbox"],
  },
  {
    label: "support",
    kind: "staff",
    username: "support",
    home: /\/support$/,
    allowed: ["/support", "/inbox"],
  },
  {
    label: "admin",
    kind: "staff",
    username: "admin",
    home: /\/admin$/,
    allowed: ["/admin", "/admin/outbox", "/inbox"],
  },
];

const STUDENT_AREAS = ["/record", "/account", "/identity"];
const STAFF_AREAS = ["/college", "/registrar", "/support", "/admin", "/admin/outbox"];
const AREAS = [...STUDENT_AREAS, "/inbox", ...STAFF_AREAS];

const SESSION_COOKIE = "next-auth.session-token";

async function signIn(page: Page, person: Person) {
  if (person.kind === "staff") await signInStaff(page, person.username);
  else await signInStudent(page, person.username);
}

/** The "access denied" page in either language, answered with HTTP 403. */
async function expectRefused(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answers 403`).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: /无权访问|Access denied/ })).toBeVisible();
}

async function expectAllowed(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), `${path} opens`).toBeLessThan(400);
  await expect(page, `${path} does not send a signed-in person to a login page`).not.toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: /无权访问|Access denied/ })).toHaveCount(0);
}

test.describe("each role signs in, lands on its area and signs out for good", () => {
  for (const person of PEOPLE) {
    test(`${person.label}`, { tag: "@both" }, async ({ page, context }, testInfo) => {
      await signIn(page, person);
      await expect(page).toHaveURL(person.home);
      // Each project really runs in its language (zh-CN at 360 px, English at 1280 px).
      const lang = testInfo.project.name === "desktop-en" ? "en" : "zh-CN";
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.locator("main h1").first()).toBeVisible();
      // The area's own link is in the main navigation.
      const area = new URL(page.url()).pathname;
      await expect(page.locator(`header nav a[href="${area}"]`)).toBeVisible();

      const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
      expect(cookie, "a session cookie is set").toBeTruthy();
      expect(cookie?.httpOnly, "the session cookie is HttpOnly").toBe(true);
      expect(cookie?.sameSite, "the session cookie is SameSite=Lax").toBe("Lax");

      await signOut(page);
      expect(
        (await context.cookies()).find((c) => c.name === SESSION_COOKIE),
        "sign-out clears the cookie",
      ).toBeUndefined();

      // Replaying the old cookie must not bring the session back: the server ended it.
      await context.addCookies([cookie!]);
      await page.goto(area);
      await expect(page).toHaveURL(person.kind === "staff" ? /\/staff\/login/ : /\/login/);
    });
  }
});

test.describe("every role is refused every other role's pages", () => {
  for (const person of PEOPLE) {
    test(`${person.label}`, async ({ page }) => {
      await signIn(page, person);
      for (const path of AREAS) {
        await test.step(`${person.label} → ${path}`, async () => {
          if (person.allowed.includes(path)) await expectAllowed(page, path);
          else await expectRefused(page, path);
        });
      }
    });
  }

  test("a staff login page sends a signed-in student home, not into a staff area", async ({ page }) => {
    await signInStudent(page, STUDENT.phone);
    await page.goto("/staff/login");
    await expect(page).toHaveURL(/\/record$/);
  });

  test("a student's credentials do not open the staff login", async ({ page }) => {
    await page.goto("/staff/login");
    await page.locator("input[name=username]").fill(STUDENT.phone);
    await page.locator("input[name=password]").fill(STUDENT.password);
    await page.locator("form:has(input[name=password]) [type=submit]").click();
    await expect(page.getByRole("alert").first()).toBeVisible();
    await expect(page).toHaveURL(/\/staff\/login/);
    for (const path of STAFF_AREAS) {
      await page.goto(path);
      await expect(page, `${path} still asks for a staff sign-in`).toHaveURL(/\/staff\/login/);
    }
  });
});

test.describe("signed-out visitors are sent to the right login page", () => {
  for (const path of [...STUDENT_AREAS, "/inbox"]) {
    test(`${path} → /login`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login(\?|$)/);
      await expect(page).not.toHaveURL(/\/staff\/login/);
      await expect(page.locator("input[name=username]")).toBeVisible();
    });
  }
  for (const path of STAFF_AREAS) {
    test(`${path} → /staff/login`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/staff\/login/);
    });
  }
  test("a forged session cookie counts as signed out", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: SESSION_COOKIE, value: "forged.not-a-jwt", url: baseURL! }]);
    await page.goto("/record");
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/staff\/login/);
  });
});

test.describe("state-changing requests need this site's Origin (proxy.ts)", () => {
  for (const path of [
    "/login",
    "/staff/login",
    "/record",
    "/account",
    "/admin",
    "/api/auth/callback/staff",
  ]) {
    test(`POST ${path} without Origin → 403`, async ({ request }) => {
      const response = await request.post(path, { form: { username: "admin", password: "x" } });
      expect(response.status()).toBe(403);
    });
    test(`POST ${path} from a foreign Origin → 403`, async ({ request }) => {
      const response = await request.post(path, {
        headers: { origin: "https://attacker.example" },
        form: { username: "admin", password: "x" },
      });
      expect(response.status()).toBe(403);
      expect(await response.json()).toEqual({ error: "cross-origin request refused" });
    });
  }

  test("the same POST from this site's Origin passes the check (so the refusals above mean something)", async ({
    request,
    baseURL,
  }) => {
    const response = await request.post("/login", {
      headers: { origin: new URL(baseURL!).origin },
      form: { username: "admin", password: "x" },
    });
    expect(response.status()).not.toBe(403);
  });

  test("a signed-in student's cross-origin POST is refused too (the record, and binding or unbinding a campus account)", async ({
    page,
  }) => {
    await signInStudent(page, STUDENT.phone);
    for (const path of ["/record", "/account"]) {
      const response = await page.request.post(path, {
        headers: { origin: "https://attacker.example" },
        form: { anything: "1" },
      });
      expect(response.status(), path).toBe(403);
    }
  });
});
