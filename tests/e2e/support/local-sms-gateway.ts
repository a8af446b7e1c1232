import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";

/**
 * A stand-in for the Alibaba Cloud SMS API (dysmsapi SendSms, the SMS provider production accepts) on
 * loopback: it checks the request's HMAC-SHA1 signature with the access key the portal was given, records
 * each message and answers like the real gateway ({"Code":"OK"}). A bad signature or key is refused as the
 * gateway would (the portal then records the send as failed).
 */
export type SmsSent = { to: string; code?: string; content?: string; at: number };

export type LocalSmsGateway = {
  url: string;
  sent: SmsSent[];
  /** The newest code sent to a phone after `after` (ms), waiting up to 15 s for it. */
  codeFor(phone: string, after: number): Promise<string>;
  close(): Promise<void>;
};

const encode = (v: string) =>
  encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function signatureOf(params: Record<string, string>, secret: string): string {
  const canonical = Object.keys(params)
    .filter((k) => k !== "Signature")
    .sort()
    .map((k) => `${encode(k)}=${encode(params[k])}`)
    .join("&");
  return createHmac("sha1", `${secret}&`)
    .update(`POST&${encode("/")}&${encode(canonical)}`)
    .digest("base64");
}

export async function startLocalSmsGateway(
  port: number,
  credentials: { accessKeyId: string; accessKeySecret: string },
): Promise<LocalSmsGateway> {
  const sent: SmsSent[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const params = Object.fromEntries(new URLSearchParams(body));
      const answer = (status: number, payload: object) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(payload));
      };
      if (
        req.method !== "POST" ||
        params.Action !== "SendSms" ||
        params.AccessKeyId !== credentials.accessKeyId ||
        params.Signature !== signatureOf(params, credentials.accessKeySecret)
      ) {
        return answer(400, { Code: "SignatureDoesNotMatch", Message: "refused by the test gateway" });
      }
      const template = JSON.parse(params.TemplateParam ?? "{}") as { code?: string; content?: string };
      sent.push({ to: params.PhoneNumbers, ...template, at: Date.now() });
      answer(200, { Code: "OK", Message: "OK", BizId: String(sent.length), RequestId: String(Date.now()) });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}/`,
    sent,
    async codeFor(phone, after) {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const last = sent.filter((m) => m.to === phone && m.at >= after && m.code).pop();
        if (last?.code) return last.code;
        if (Date.now() > deadline) throw new Error(`no SMS code to ${phone} reached the gateway`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
