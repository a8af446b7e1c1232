import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import type { TestUser } from "../../support/oidc/provider";

/**
 * The e2e suite's identity provider: tests/support/oidc/cli.ts (oidc-provider on loopback) started by the
 * spec itself, so a fresh clone's `npm test` runs it. The portal's server reads the client secret from
 * OIDC_CAMPUS_E2E_CLIENT_SECRET (set by playwright.config.ts), matching the provider slug below.
 */
export const E2E_PROVIDER_SLUG = "campus-e2e";
export const E2E_CLIENT_ID = "xueji-portal-e2e";
export const E2E_CLIENT_SECRET = "e2e-campus-client-secret-4d1f6a2b9c";

export type RunningProvider = {
  issuer: string;
  tamper(mode: "none" | "wrong_audience" | "wrong_issuer" | "expired" | "forged"): Promise<void>;
  stop(): Promise<void>;
};

export async function startE2eProvider(baseUrl: string, users: TestUser[]): Promise<RunningProvider> {
  const child: ChildProcess = spawn("npx", ["tsx", "tests/support/oidc/cli.ts"], {
    env: {
      ...process.env,
      OIDC_FIXTURE: JSON.stringify({
        port: 0,
        users,
        clients: [
          {
            clientId: E2E_CLIENT_ID,
            clientSecret: E2E_CLIENT_SECRET,
            redirectUris: [`${baseUrl}/oidc/callback/${E2E_PROVIDER_SLUG}`],
          },
        ],
      }),
    },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("test provider did not start in 60 s")), 60_000);
    child.once("exit", (code) => reject(new Error(`test provider exited (${code})`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (!line.startsWith("{")) return;
      clearTimeout(timer);
      resolve((JSON.parse(line) as { issuer: string }).issuer);
    });
  });
  let stopped = false;
  return {
    issuer,
    async tamper(mode) {
      const response = await fetch(`${issuer}/__fixture/tamper?mode=${mode}`, { method: "POST" });
      if (response.status !== 204) throw new Error(`tamper ${mode}: ${response.status}`);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      // the whole process group: npx and the node process it started
      process.kill(-child.pid!, "SIGTERM");
      await exited;
    },
  };
}
