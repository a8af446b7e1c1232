import "server-only";
import { Readable } from "node:stream";
import archiver from "archiver";
import { readUpload } from "@/lib/uploads/storage";
import type { DataExport } from "./export";

const README = `我的数据 / My data

data.json  您在学籍自查平台的全部数据：账号（证件号码完整显示，仅提供给您本人）、学籍信息及更改记录、自查记录、
           更正申请、证件重复等身份核验申请、站内信、发送给您的短信和邮件、登录日志、注销申请。
           All the portal holds about you: account (ID number in full, for you only), enrollment record and its
           changes, self-checks, correction requests, identity cases, inbox, SMS and e-mails sent to you,
           sign-in history, closure requests.
files/     录取照片、仍在保存期内的手持身份证照片、更正申请的证明材料。
           Admission photo, hand-held ID photos still kept, evidence files.

请妥善保管本文件：其中含有您的身份证件号码和照片。
Keep this file safe: it holds your ID number and photos.
`;

/**
 * The data download as a zip stream: data.json, README.txt and the student's files, read one at a time
 * (a file the retention job deleted a moment ago is simply left out).
 */
export function dataExportZip(exported: DataExport): ReadableStream<Uint8Array> {
  const archive = archiver("zip", { zlib: { level: 6 } });
  void (async () => {
    try {
      archive.append(JSON.stringify(exported.data, null, 2), { name: "data.json" });
      archive.append(README, { name: "README.txt" });
      for (const file of exported.files) {
        const bytes = await readUpload(file.key).catch(() => null);
        if (bytes) archive.append(bytes, { name: file.path });
      }
      await archive.finalize();
    } catch (error) {
      archive.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return Readable.toWeb(archive) as ReadableStream<Uint8Array>;
}
