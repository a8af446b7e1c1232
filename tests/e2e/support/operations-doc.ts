import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Reads docs/operations.md as an operator does, so the production e2e test (tests/e2e/production.spec.ts)
 * runs what the guide says and fails when the guide and the product drift apart: the settings file, the
 * migrate and first-administrator commands, the systemd unit's environment and command, and the nginx site.
 * Only what a test machine must differ in is replaced: paths, ports, host names and the certificate.
 */
const DOC = path.join(process.cwd(), "docs/operations.md");
export const operationsDoc = (): string => readFileSync(DOC, "utf8");

/** The fenced code blocks of one language, in order. */
export function codeBlocks(lang: string, doc = operationsDoc()): string[] {
  const re = new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g");
  return [...doc.matchAll(re)].map((m) => m[1]);
}

function blockWith(lang: string, needle: string): string {
  const block = codeBlocks(lang).find((b) => b.includes(needle));
  if (!block) throw new Error(`docs/operations.md has no \`\`\`${lang} block with "${needle}"`);
  return block;
}

const SETTINGS_NAME = /^([A-Z][A-Z0-9_]*)=/;

/** The variables the guide's settings file sets, in order. */
export function settingNames(): string[] {
  return blockWith("sh", "APP_MODE=production\nDATABASE_URL")
    .split("\n")
    .map((l) => SETTINGS_NAME.exec(l)?.[1])
    .filter((n): n is string => !!n);
}

/**
 * The guide's settings file with this machine's values. Every variable the guide sets must be given a value
 * (a new setting in the guide without one here fails the test); `extra` adds variables the guide names
 * elsewhere.
 */
export function settingsFile(values: Record<string, string>, extra: Record<string, string> = {}): string {
  const quote = (v: string) =>
    /^[A-Za-z0-9+/=:@%._-]*$/.test(v) ? v : `"${v.replace(/(["\\$`])/g, "\\$1")}"`;
  const missing = settingNames().filter((n) => !(n in values));
  if (missing.length) throw new Error(`no test value for the guide's settings: ${missing.join(", ")}`);
  const lines = blockWith("sh", "APP_MODE=production\nDATABASE_URL")
    .split("\n")
    .map((line) => {
      const name = SETTINGS_NAME.exec(line)?.[1];
      return name ? `${name}=${quote(values[name])}` : line;
    });
  for (const [name, value] of Object.entries(extra)) lines.push(`${name}=${quote(value)}`);
  return lines.join("\n") + "\n";
}

/**
 * A command of the "One server" steps that runs with the settings file (`sudo -u xueji sh -c 'set -a; .
 * /etc/xueji/env; …'`), as `sh -c` arguments for this checkout: the user switch dropped, the file replaced.
 */
export function settingsCommand(needle: string, envFile: string): string {
  const line = blockWith("sh", needle)
    .split("\n")
    .find((l) => l.includes(needle) && l.includes("/etc/xueji/env"));
  const inner = line && /sh -c '([^']+)'/.exec(line)?.[1];
  if (!inner) throw new Error(`docs/operations.md: no "sh -c '…'" line with "${needle}"`);
  return inner.replaceAll("/etc/xueji/env", envFile);
}

/** A line of the guide that sources the settings file itself (`set -a; . /etc/xueji/env; set +a; …`). */
export function sourcedCommand(needle: string, envFile: string): string {
  const line = codeBlocks("sh")
    .flatMap((b) => b.split("\n"))
    .find((l) => l.includes(needle) && l.startsWith("set -a; . /etc/xueji/env"));
  if (!line) throw new Error(`docs/operations.md: no "set -a; . /etc/xueji/env; …" line with "${needle}"`);
  return line.replaceAll("/etc/xueji/env", envFile);
}

/** The systemd unit's Environment= variables (for one port) and its ExecStart command, for this checkout. */
export function systemdService(
  port: number,
  checkout: string,
): { env: Record<string, string>; exec: string } {
  const unit = blockWith("ini", "ExecStart=");
  const setting = (key: string) =>
    unit
      .split("\n")
      .find((l) => l.startsWith(`${key}=`))
      ?.slice(key.length + 1) ?? "";
  const env = Object.fromEntries(
    setting("Environment")
      .replaceAll("%i", String(port))
      .replaceAll("%H", "localhost")
      .split(/\s+/)
      .filter(Boolean)
      .map((pair) => pair.split("=", 2) as [string, string]),
  );
  const exec = setting("ExecStart").replace(setting("WorkingDirectory"), checkout);
  if (!exec) throw new Error("docs/operations.md: the systemd unit has no ExecStart");
  return { env, exec };
}

/**
 * The guide's nginx site inside a minimal nginx.conf of its own (foreground, files under `dir`): the upstream
 * lists `instances`, the TLS server listens on loopback `port` with the given certificate, the port-80
 * redirect server is left out (it needs port 80), logs go to `dir`.
 */
export function nginxConf(o: {
  dir: string;
  port: number;
  instances: number[];
  certificate: string;
  key: string;
}): string {
  let site = blockWith("nginx", "upstream xueji");
  const servers = o.instances.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join("\n");
  site = site
    .replace(/^\s*#?\s*server 127\.0\.0\.1:\d+[^\n]*\n/gm, "")
    .replace(/upstream xueji \{\n/, `upstream xueji {\n${servers}\n`)
    .replace(/server \{\s*listen 80;[\s\S]*?\n\}\n/, "")
    .replace(/listen 443 ssl( http2)?;/, `listen 127.0.0.1:${o.port} ssl$1;`)
    .replace(/ssl_certificate\s+\S+;/, `ssl_certificate ${o.certificate};`)
    .replace(/ssl_certificate_key\s+\S+;/, `ssl_certificate_key ${o.key};`)
    .replace(/access_log \S+ xueji;/, `access_log ${o.dir}/access.log xueji;`);
  if (site.includes("/etc/") || site.includes("/var/"))
    throw new Error(`nginx site still names system paths:\n${site}`);
  const d = o.dir;
  return `${process.getuid?.() === 0 ? "user root root;\n" : ""}worker_processes 1;
pid ${d}/nginx.pid;
error_log ${d}/error.log warn;
events { worker_connections 256; }
http {
  client_body_temp_path ${d}/client_body;
  proxy_temp_path ${d}/proxy;
  fastcgi_temp_path ${d}/fastcgi;
  uwsgi_temp_path ${d}/uwsgi;
  scgi_temp_path ${d}/scgi;
${site}
}
`;
}
