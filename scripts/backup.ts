/**
 * npm run backup [-- --out <folder>]     one timestamped folder under BACKUP_DIR (./backups) or <folder>
 * npm run restore -- <backup folder>     stop every app instance first
 * What a backup holds and how to restore it on another machine: docs/operations.md ("Backups").
 */
import { parseArgs } from "node:util";
import { parseEnv } from "../lib/env-schema";
import { backup, restore } from "../lib/ops/backup";

async function main(): Promise<number> {
  const restoring = process.argv[2] === "restore";
  const { values, positionals } = parseArgs({
    args: process.argv.slice(restoring ? 3 : 2),
    options: { out: { type: "string" } },
    allowPositionals: true,
  });
  const e = parseEnv(process.env);
  const settings = {
    databaseUrl: e.DATABASE_URL,
    uploadsDir: e.UPLOADS_DIR,
    backupDir: values.out ?? e.BACKUP_DIR,
    secretsFile: e.APP_MODE === "demo" ? e.SECRETS_FILE : undefined,
  };
  if (restoring) {
    if (positionals.length !== 1) {
      console.error("usage: npm run restore -- <backup folder>   (stop every app instance first)");
      return 2;
    }
    const manifest = await restore(settings, positionals[0]);
    console.log(
      `restore: database (${manifest.provider}) and ${manifest.uploadFiles} uploaded files from the backup of ${manifest.createdAt} are back`,
    );
    return 0;
  }
  const { dir, manifest } = await backup(settings);
  console.log(`backup: ${dir} (${manifest.provider} database, ${manifest.uploadFiles} uploaded files)`);
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    // pg_dump's failure repeats its command line: never print the database password.
    const message = String((e as Error).message).replace(/\/\/([^:/@\s]+):[^@\s]*@/g, "//$1:***@");
    console.error(`${process.argv[2] === "restore" ? "restore" : "backup"} failed: ${message}`);
    process.exitCode = 1;
  },
);
