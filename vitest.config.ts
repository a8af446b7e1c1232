import { randomBytes } from "node:crypto";
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(__dirname),
  // next's "server-only" marker throws outside the react-server condition; tests run on the server anyway.
  "server-only": path.resolve(__dirname, "tests/support/server-only-stub.ts"),
};

/**
 * Keys of this test run, fresh each run (no key is a constant anywhere): the code under test, and the app
 * instances the integration tests start as child processes, read them from the environment.
 */
const key = () => randomBytes(32).toString("base64url");
const env = {
  APP_SECRET: key(),
  NEXTAUTH_SECRET: key(),
  DATA_ENCRYPTION_KEY: key(),
  BLIND_INDEX_KEY: key(),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          env,
          include: ["tests/unit/**/*.test.ts", "lib/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          env,
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/support/global-setup.ts"],
          setupFiles: ["tests/integration/support/setup-env.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One database per run; files run one at a time so row counts stay predictable.
          fileParallelism: false,
        },
      },
    ],
  },
});
