import { execFile } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { providerOf, sqliteFilePath } from "../db/provider";

const exec = promisify(execFile);

/**
 * Backups that restore (npm run backup / npm run restore, docs/operations.md): one timestamped folder with
 *   database.sqlite   SQLite's online backup (consistent while the portal keeps writing), or
 *   database.pgdump   pg_dump's custom format (one consistent snapshot),
 *   uploads/          the private files (photos, evidence, imports),
 *   secrets.json      demo mode only: the generated keys without which the ID numbers cannot be read,
 *   manifest.json     what is in it.
 * Production keys live in the environment and are backed up separately, never next to the data.
 */
export type BackupSettings = {
  databaseUrl: string;
  uploadsDir: string;
  backupDir: string;
  /** demo mode's secrets file, copied when it exists */
  secretsFile?: string;
};

export type Manifest = {
  createdAt: string;
  provider: "sqlite" | "postgresql";
  database: string;
  uploadFiles: number;
  secrets: boolean;
};

/** libpq refuses Prisma's own URL parameters (schema=, connection_limit=, …): keep only libpq's. */
export function libpqUrl(url: string): string {
  const parsed = new URL(url);
  const keep = new Set([
    "sslmode",
    "sslrootcert",
    "sslcert",
    "sslkey",
    "application_name",
    "connect_timeout",
    "host",
  ]);
  for (const name of [...parsed.searchParams.keys()]) if (!keep.has(name)) parsed.searchParams.delete(name);
  return parsed.toString();
}

function countFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(d, entry.name));
      else n++;
    }
  };
  walk(dir);
  return n;
}

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");

export async function backup(
  settings: BackupSettings,
  now = new Date(),
): Promise<{ dir: string; manifest: Manifest }> {
  const provider = providerOf(settings.databaseUrl);
  const dir = path.resolve(settings.backupDir, `xueji-${stamp(now)}`);
  if (existsSync(dir)) throw new Error(`${dir} exists already`);
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true, mode: 0o700 });
  chmodSync(partial, 0o700);

  let database: string;
  if (provider === "sqlite") {
    database = "database.sqlite";
    const source = new Database(sqliteFilePath(settings.databaseUrl), { fileMustExist: true });
    try {
      await source.backup(path.join(partial, database));
    } finally {
      source.close();
    }
  } else {
    database = "database.pgdump";
    await exec(
      "pg_dump",
      ["-Fc", "--no-owner", "-f", path.join(partial, database), libpqUrl(settings.databaseUrl)],
      {
        maxBuffer: 16 * 1024 * 1024,
      },
    );
  }
  // Files are written complete before their key reaches the database (lib/uploads/storage.ts), so copying
  // after the database snapshot has every file the snapshot names.
  if (existsSync(settings.uploadsDir))
    cpSync(settings.uploadsDir, path.join(partial, "uploads"), { recursive: true });
  else mkdirSync(path.join(partial, "uploads"));
  const secrets = !!settings.secretsFile && existsSync(settings.secretsFile);
  if (secrets) {
    cpSync(settings.secretsFile as string, path.join(partial, "secrets.json"));
    chmodSync(path.join(partial, "secrets.json"), 0o600);
  }
  const manifest: Manifest = {
    createdAt: now.toISOString(),
    provider,
    database,
    uploadFiles: countFiles(path.join(partial, "uploads")),
    secrets,
  };
  writeFileSync(path.join(partial, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  renameSync(partial, dir); // a folder without ".partial" is always complete
  return { dir, manifest };
}

/**
 * Puts a backup back: the database replaced by the snapshot, the uploads folder by the backup's copy. Every
 * app instance must be stopped first (docs/operations.md).
 */
export async function restore(settings: BackupSettings, from: string): Promise<Manifest> {
  const dir = path.resolve(from);
  const manifestFile = path.join(dir, "manifest.json");
  if (!existsSync(manifestFile)) throw new Error(`${dir} is not a backup (no manifest.json)`);
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
  const provider = providerOf(settings.databaseUrl);
  if (manifest.provider !== provider) {
    throw new Error(`the backup is of a ${manifest.provider} database, DATABASE_URL names ${provider}`);
  }

  if (provider === "sqlite") {
    const target = path.resolve(sqliteFilePath(settings.databaseUrl));
    mkdirSync(path.dirname(target), { recursive: true });
    const incoming = `${target}.restoring`;
    cpSync(path.join(dir, manifest.database), incoming);
    for (const ext of ["-wal", "-shm", "-journal"]) rmSync(target + ext, { force: true });
    renameSync(incoming, target);
  } else {
    // One transaction: a failed restore leaves the database as it was.
    await exec(
      "pg_restore",
      [
        "--clean",
        "--if-exists",
        "--no-owner",
        "--single-transaction",
        "-d",
        libpqUrl(settings.databaseUrl),
        path.join(dir, manifest.database),
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    );
  }

  const uploads = path.resolve(settings.uploadsDir);
  const aside = `${uploads}.before-restore`;
  rmSync(aside, { recursive: true, force: true });
  if (existsSync(uploads)) renameSync(uploads, aside);
  cpSync(path.join(dir, "uploads"), uploads, { recursive: true });
  rmSync(aside, { recursive: true, force: true });

  if (manifest.secrets && settings.secretsFile) {
    cpSync(path.join(dir, "secrets.json"), settings.secretsFile);
    chmodSync(settings.secretsFile, 0o600);
  }
  return manifest;
}
