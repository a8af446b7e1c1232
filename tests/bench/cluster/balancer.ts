/**
 * nginx (Debian package) as the load balancer of the cluster benchmark: foreground, its own configuration,
 * pid, logs and temp folders under one directory, listening on loopback only.
 *
 * Passive health: an instance that refuses a connection or times out is taken out for `fail_timeout`
 * (max_fails=1) and its request goes to the next instance. nginx never replays a POST that reached an
 * instance (proxy_next_upstream without non_idempotent), so a write is retried by the student, not twice by
 * the balancer. X-Real-IP carries the caller's address; the instances run with TRUST_PROXY=1.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { startProcess, stopProcess, waitForHttp } from "./processes";

export const NGINX = process.env.NGINX_BIN ?? "/usr/sbin/nginx";

export function nginxConfig(dir: string, port: number, upstreams: number[]): string {
  const servers = upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join("\n");
  return `# written by tests/bench/cluster/balancer.ts
${process.getuid?.() === 0 ? "user root root;\n" : ""}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  log_format upstream '$remote_addr "$request" $status $request_time upstream=$upstream_addr '
                      'upstream_status=$upstream_status';
  access_log ${dir}/access.log upstream;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  # the app accepts roster files up to 64 MB (lib/roster-import/jobs.ts)
  client_max_body_size 70m;

  upstream portal {
${servers}
    keepalive 32;
  }

  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Real-IP $remote_addr;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # a dead instance: try the next one (GET/HEAD always; a POST only if it never reached the instance)
      proxy_next_upstream error timeout;
      proxy_next_upstream_tries 3;
      proxy_connect_timeout 2s;
      proxy_read_timeout 120s;
    }
  }
}
`;
}

export type Balancer = {
  url: string;
  process: ChildProcess;
  dir: string;
  /** Access-log lines whose request went to more than one instance (the balancer moved it). */
  movedRequests(): number;
  stop(): Promise<void>;
};

export async function startBalancer(dir: string, port: number, upstreams: number[]): Promise<Balancer> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "nginx.conf");
  writeFileSync(file, nginxConfig(dir, port, upstreams));
  const child = startProcess(NGINX, ["-c", file, "-p", dir, "-g", "daemon off;"]);
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/login`);
  return {
    url,
    process: child,
    dir,
    movedRequests() {
      try {
        return readFileSync(path.join(dir, "access.log"), "utf8")
          .split("\n")
          .filter((l) => /upstream=\S+, /.test(l)).length;
      } catch {
        return 0;
      }
    },
    stop: () => stopProcess(child, "SIGQUIT"),
  };
}
