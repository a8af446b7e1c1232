import "server-only";
import { createHmac, randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import type { MessageProvider } from "./types";

export type AliyunSmsConfig = {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  templateCode: string;
};

/** RFC 3986 percent-encoding as the Alibaba Cloud RPC signature requires. */
function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Signature v1 of the RPC API: HMAC-SHA1 over the sorted, encoded query. */
export function signAliyunQuery(params: Record<string, string>, secret: string, method = "POST"): string {
  const canonical = Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k])}`)
    .join("&");
  const stringToSign = `${method}&${percentEncode("/")}&${percentEncode(canonical)}`;
  return createHmac("sha1", `${secret}&`).update(stringToSign).digest("base64");
}

/**
 * Alibaba Cloud SMS (dysmsapi SendSms). The template receives the code as ${code}; messages without a
 * code are sent with the whole text as ${content} (a notification template).
 */
export function aliyunSmsProvider(config: AliyunSmsConfig): MessageProvider {
  return {
    name: "aliyun",
    async send(message) {
      const params: Record<string, string> = {
        AccessKeyId: config.accessKeyId,
        Action: "SendSms",
        Format: "JSON",
        PhoneNumbers: message.to,
        RegionId: "cn-hangzhou",
        SignName: config.signName,
        SignatureMethod: "HMAC-SHA1",
        SignatureNonce: randomUUID(),
        SignatureVersion: "1.0",
        TemplateCode: config.templateCode,
        TemplateParam: JSON.stringify(message.code ? { code: message.code } : { content: message.body }),
        Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
        Version: "2017-05-25",
      };
      params.Signature = signAliyunQuery(params, config.accessKeySecret);
      const response = await fetch(config.endpoint, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(10_000),
      });
      const payload = (await response.json().catch(() => ({}))) as { Code?: string; Message?: string };
      if (!response.ok || payload.Code !== "OK") {
        throw new Error(
          `aliyun SendSms failed: ${payload.Code ?? response.status} ${payload.Message ?? ""}`.trim(),
        );
      }
    },
  };
}

export function aliyunSmsProviderFromEnv(): MessageProvider {
  const e = env();
  if (
    !e.SMS_ALIYUN_ACCESS_KEY_ID ||
    !e.SMS_ALIYUN_ACCESS_KEY_SECRET ||
    !e.SMS_ALIYUN_SIGN_NAME ||
    !e.SMS_ALIYUN_TEMPLATE_CODE
  ) {
    throw new Error(
      "SMS_PROVIDER=aliyun needs SMS_ALIYUN_ACCESS_KEY_ID, _SECRET, _SIGN_NAME and _TEMPLATE_CODE",
    );
  }
  return aliyunSmsProvider({
    endpoint: e.SMS_ALIYUN_ENDPOINT,
    accessKeyId: e.SMS_ALIYUN_ACCESS_KEY_ID,
    accessKeySecret: e.SMS_ALIYUN_ACCESS_KEY_SECRET,
    signName: e.SMS_ALIYUN_SIGN_NAME,
    templateCode: e.SMS_ALIYUN_TEMPLATE_CODE,
  });
}
