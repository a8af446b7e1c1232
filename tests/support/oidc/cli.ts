/**
 * Starts the test OpenID Provider as its own process (for the e2e tests, whose runner starts it):
 *   OIDC_FIXTURE='{"port":3151,"clients":[…],"users":[…]}' npx tsx tests/support/oidc/cli.ts
 * Prints one line `{"issuer":"http://127.0.0.1:3151"}` when ready; stops on SIGTERM / SIGINT.
 */
import { startTestProvider, type TestProviderOptions } from "./provider";

async function main() {
  const options = JSON.parse(process.env.OIDC_FIXTURE ?? "{}") as Partial<TestProviderOptions>;
  const provider = await startTestProvider({
    ...options,
    clients: options.clients ?? [],
    users: options.users ?? [],
  });
  console.log(JSON.stringify({ issuer: provider.issuer }));
  const stop = () => provider.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
