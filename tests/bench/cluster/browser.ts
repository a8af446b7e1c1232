/**
 * A minimal browser for the cohort benchmark: cookies, keep-alive connections from its own loopback address
 * (127.x.y.z — the balancer's X-Real-IP then tells the students apart, as their phones' addresses would) and
 * forms posted the way a browser without JavaScript posts them: every input of the server-rendered form
 * (React's progressive-enhancement fields for the server action included) as multipart/form-data to the
 * page's own URL, with the page's Origin.
 */
import http from "node:http";
import { randomBytes } from "node:crypto";

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };
export type FilePart = { filename: string; type: string; data: Buffer };
export type Field = [name: string, value: string | FilePart];

const TIMEOUT_MS = 120_000;

export class Browser {
  readonly cookies = new Map<string, string>();
  private readonly agent: http.Agent;

  constructor(
    readonly base: string,
    readonly localAddress: string,
    readonly acceptLanguage = "zh-CN,zh;q=0.9",
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  }

  close(): void {
    this.agent.destroy();
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  request(method: string, path: string, body?: Buffer, headers: Record<string, string> = {}): Promise<Reply> {
    const url = new URL(path, this.base);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          method,
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          agent: this.agent,
          localAddress: this.localAddress,
          timeout: TIMEOUT_MS,
          headers: {
            "accept-language": this.acceptLanguage,
            accept: "text/html,application/json;q=0.9,*/*;q=0.8",
            ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}),
            ...(body ? { "content-length": String(body.length) } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", reject);
          res.on("end", () => {
            for (const c of res.headers["set-cookie"] ?? []) {
              const [pair] = c.split(";");
              const i = pair.indexOf("=");
              const name = pair.slice(0, i).trim();
              const value = pair.slice(i + 1).trim();
              if (/max-age=0|expires=thu, 01 jan 1970/i.test(c) || value === "") this.cookies.delete(name);
              else this.cookies.set(name, value);
            }
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString("utf8"),
            });
          });
        },
      );
      req.on("timeout", () => req.destroy(new Error(`timeout after ${TIMEOUT_MS / 1000} s`)));
      req.on("error", reject);
      req.end(body);
    });
  }

  get(path: string): Promise<Reply> {
    return this.request("GET", path);
  }

  /** A form post as the page's own (same-origin) form would send it. */
  postForm(path: string, fields: Field[]): Promise<Reply> {
    const { body, contentType } = multipart(fields);
    return this.request("POST", path, body, { "content-type": contentType, origin: this.base });
  }

  postUrlEncoded(path: string, fields: Record<string, string>): Promise<Reply> {
    return this.request("POST", path, Buffer.from(new URLSearchParams(fields).toString()), {
      "content-type": "application/x-www-form-urlencoded",
      origin: this.base,
    });
  }
}

export function multipart(fields: Field[]): { body: Buffer; contentType: string } {
  const boundary = `----cohort${randomBytes(12).toString("hex")}`;
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    if (typeof value === "string") {
      parts.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
      );
    } else {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.filename}"\r\n` +
            `Content-Type: ${value.type}\r\n\r\n`,
        ),
        value.data,
        Buffer.from("\r\n"),
      );
    }
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#")
      return String.fromCodePoint(
        e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)),
      );
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** The server-rendered <form> whose HTML contains `marker` (null when the page has none). */
export function findForm(html: string, marker: string): string | null {
  for (const chunk of html.split(/<form\b/i).slice(1)) {
    const form = chunk.split(/<\/form>/i)[0];
    if (form.includes(marker)) return form;
  }
  return null;
}

function attr(tag: string, name: string): string | undefined {
  const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`, "i"));
  return m ? decodeEntities(m[1]) : undefined;
}

/** The hidden inputs of a form, in document order (what a browser would send without user input). */
export function hiddenFields(form: string): Field[] {
  const fields: Field[] = [];
  for (const tag of form.match(/<input\b[^>]*>/gi) ?? []) {
    if ((attr(tag, "type") ?? "text").toLowerCase() !== "hidden") continue;
    const name = attr(tag, "name");
    if (name) fields.push([name, attr(tag, "value") ?? ""]);
  }
  return fields;
}
