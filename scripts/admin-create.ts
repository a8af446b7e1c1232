/**
 * The first administrator of a production install (docs/operations.md):
 *   npm run admin:create -- --username zhangsan [--name 张三]
 * prints a one-time password once; it must be changed at the first sign-in at /staff/login.
 *   npm run admin:create -- --check     (used by npm start) only says whether an administrator exists
 */
import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { activeAdmins, createFirstAdmin } from "@/lib/ops/first-admin";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      username: { type: "string" },
      name: { type: "string" },
      check: { type: "boolean", default: false },
    },
  });
  if (values.check) {
    if ((await activeAdmins(db)).length === 0) {
      console.log("[start] no administrator yet: create one with  npm run admin:create -- --username <name>");
    }
    return 0;
  }
  if (!values.username) {
    console.error("usage: npm run admin:create -- --username <name> [--name <display name>]");
    return 2;
  }
  const outcome = await createFirstAdmin(db, { username: values.username, displayName: values.name });
  if (!outcome.ok) {
    console.error(`admin:create refused: ${outcome.reason}`);
    return 1;
  }
  console.log(`Administrator ${outcome.username} created. One-time password (shown only now):`);
  console.log(`  ${outcome.password}`);
  console.log("Sign in at /staff/login; the password must be changed at the first sign-in.");
  return 0;
}

main()
  .then((code) => (process.exitCode = code))
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
