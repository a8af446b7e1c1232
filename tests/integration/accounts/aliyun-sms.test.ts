import { createServer, type IncomingMessage, type Server } from "node:http";
import { createHmac } from "node:crypto";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aliyunSmsProvider } from "@/lib/messaging/aliyun-sms";
import { sendMessage, setProvider } from "@/lib/messaging/send";
import { db } from "@/lib/db";
import { randomPhone } from "./support";

const SECRET = "test-access-key-secret";
const KEY_ID = "LTAI-test-key";

type Received = { params: URLSearchParams; signatureValid: boolean };
const received: Received[] = [];
let server: Server;
let endpoint = "";
let nextReply: { status: number; body: unknown } = { status: 200, body: { Code: "OK", Message: "OK" } };

/**
 * Recomputes the Alibaba Cloud RPC signature v1 independently of the provider: RFC 3986 encoding, sorted
 * parameters, "POST&%2F&" + encoded query, HMAC-SHA1 with "<secret>&".
 */
function expectedSignature(params: URLSearchParams): string {
  const enc = (v: string) =>
    encodeURIComponent(v).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
  const canonical = [...params.entries()]
    .filter(([k]) => k !== "Signature")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${enc(k)}=${enc(v)}`)
    .join("&");
  return createHmac("sha1", `${SECRET}&`)
    .update(`POST&%2F&${enc(canonical)}`)
    .digest("base64");
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const params = new URLSearchParams(await body(req));
    received.push({ params, signatureValid: params.get("Signature") === expectedSignature(params) });
    res.writeHead(nextReply.status, { "content-type": "application/json" });
    res.end(JSON.stringify(nextReply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  setProvider("sms", undefined);
  await new Promise((resolve) => server.close(resolve));
});

const provider = () =>
  aliyunSmsProvider({
    endpoint,
    accessKeyId: KEY_ID,
    accessKeySecret: SECRET,
    signName: "学籍自查",
    templateCode: "SMS_123456789",
  });

describe("Aliyun SMS provider against a local fake dysmsapi", () => {
  it("sends a correctly signed SendSms request carrying the code as template parameter", async () => {
    nextReply = { status: 200, body: { Code: "OK", Message: "OK", BizId: "1" } };
    const phone = randomPhone();
    await provider().send({ channel: "sms", to: phone, body: "【学籍自查】验证码 654321", code: "654321" });
    const last = received.at(-1);
    expect(last?.signatureValid).toBe(true);
    const p = last!.params;
    expect(Object.fromEntries(p)).toMatchObject({
      Action: "SendSms",
      Version: "2017-05-25",
      Format: "JSON",
      AccessKeyId: KEY_ID,
      PhoneNumbers: phone,
      SignName: "学籍自查",
      TemplateCode: "SMS_123456789",
      SignatureMethod: "HMAC-SHA1",
      SignatureVersion: "1.0",
      RegionId: "cn-hangzhou",
    });
    expect(JSON.parse(p.get("TemplateParam") ?? "")).toEqual({ code: "654321" });
    expect(p.get("Timestamp")).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(p.get("SignatureNonce")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("a message without a code goes out whole as ${content}; nonces never repeat", async () => {
    nextReply = { status: 200, body: { Code: "OK" } };
    await provider().send({ channel: "sms", to: randomPhone(), body: "您的密码已修改" });
    await provider().send({ channel: "sms", to: randomPhone(), body: "您的密码已修改" });
    const [a, b] = received.slice(-2);
    expect(JSON.parse(a.params.get("TemplateParam") ?? "")).toEqual({ content: "您的密码已修改" });
    expect(a.signatureValid && b.signatureValid).toBe(true);
    expect(a.params.get("SignatureNonce")).not.toBe(b.params.get("SignatureNonce"));
  });

  it("an API refusal is recorded as failed and reported, not thrown", async () => {
    nextReply = { status: 200, body: { Code: "isv.BUSINESS_LIMIT_CONTROL", Message: "触发分钟级流控" } };
    setProvider("sms", provider());
    const phone = randomPhone();
    const r = await sendMessage({ channel: "sms", to: phone, body: "验证码 123456", code: "123456" });
    expect(r.ok).toBe(false);
    const row = await db.outboundMessage.findFirstOrThrow({ where: { to: phone } });
    expect(row).toMatchObject({ provider: "aliyun", status: "failed", code: null });
    // every text carries the signature and the portal's address (issue 12 item 19); the stored copy of a real
    // provider's message hides the code and every link
    expect(row.body).toBe("【学籍自查】验证码 ****** [link]");
    expect(row.error).toContain("isv.BUSINESS_LIMIT_CONTROL");

    nextReply = { status: 200, body: { Code: "OK" } };
    const ok = await sendMessage({ channel: "sms", to: phone, body: "验证码 123456", code: "123456" });
    expect(ok.ok).toBe(true);
    setProvider("sms", undefined);
  });

  it("a server error is a failure too", async () => {
    nextReply = { status: 500, body: { Code: "InternalError" } };
    await expect(
      provider().send({ channel: "sms", to: randomPhone(), body: "x", code: "111111" }),
    ).rejects.toThrow(/InternalError/);
  });
});
