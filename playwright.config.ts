import { defineConfig } from "@playwright/test";
import { E2E_CLIENT_SECRET } from "./tests/e2e/support/oidc-provider";

/**
 * End-to-end tests: Debian's Chromium against `next start` on a fresh SQLite database seeded with a small
 * demo university (scripts/e2e-server.sh). One worker: every spec shares that server and database.
 *
 * Projects, and which tests run where (keeps CI time down — most tests run once):
 *   - "mobile-zh"  (360×780, zh-CN, the default language): every test NOT tagged @en.
 *   - "desktop-en" (1280×800, English via the `locale` cookie): only tests tagged @en or @both.
 * Tag a test with `test("…", { tag: "@both" }, …)` to run it in both projects, `@en` for desktop English
 * only. A spec about staff pages (which must work from 1024 px) can keep zh-CN and widen the window with
 * `test.use({ viewport: { width: 1280, height: 800 } })`.
 *
 * The build is not made here: run `npx next build` first (npm test does). Locally an already running
 * server on the port is reused; in CI never.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const HOST = "127.0.0.1";
export const BASE_URL = `http://${HOST}:${PORT}`;
const CI = !!process.env.CI;

export default defineConfig({
  testDir: "./tests/e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "./tests/e2e/.artifacts",
  fullyParallel: false,
  workers: 1,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: CI ? [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]] : [["list"]],
  use: {
    baseURL: BASE_URL,
    screenshot: "only-on-failure",
    trace: "off",
    video: "off",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: {
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
    },
  },
  projects: [
    {
      name: "mobile-zh",
      grepInvert: /@en\b/,
      use: {
        viewport: { width: 360, height: 780 },
        locale: "zh-CN",
        timezoneId: "Asia/Shanghai",
        storageState: {
          cookies: [localeCookie("zh-CN")],
          origins: [],
        },
      },
    },
    {
      name: "desktop-en",
      grep: /@en\b|@both\b/,
      use: {
        viewport: { width: 1280, height: 800 },
        locale: "en-US",
        timezoneId: "Asia/Shanghai",
        storageState: {
          cookies: [localeCookie("en")],
          origins: [],
        },
      },
    },
  ],
  // Specs that start servers of their own (cluster.spec.ts, production.spec.ts) can be run alone without the
  // shared demo server: E2E_NO_WEB_SERVER=1.
  webServer:
    process.env.E2E_NO_WEB_SERVER === "1"
      ? undefined
      : {
          command: "bash scripts/e2e-server.sh",
          url: `${BASE_URL}/login`,
          // npm test (E2E_FRESH_SERVER=1) and CI always start their own server on a fresh database.
          reuseExistingServer: !CI && !process.env.E2E_FRESH_SERVER,
          timeout: 240_000,
          stdout: "pipe",
          stderr: "pipe",
          // The client secret of the provider tests/e2e/external-sign-in.spec.ts configures in the admin UI.
          env: { E2E_PORT: String(PORT), OIDC_CAMPUS_E2E_CLIENT_SECRET: E2E_CLIENT_SECRET },
        },
});

/** The app's language is the `locale` cookie (lib/i18n/locales.ts). */
function localeCookie(value: "zh-CN" | "en") {
  return {
    name: "locale",
    value,
    domain: HOST,
    path: "/",
    expires: -1,
    httpOnly: false,
    secure: false,
    sameSite: "Lax" as const,
  };
}
