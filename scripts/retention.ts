/**
 * Retention job (docs/retention.md): deletes hand-held ID photos a set time after their case closed
 * (default 90 days), evidence of closed correction requests after theirs (default 180 days), stray photo
 * files, the log of sent SMS and e-mails after 183 days, spent verification codes a day after they expired,
 * marks expired classmate-assist requests and blanks the phone number of closed ones. Run daily, e.g. from cron:
 *   15 3 * * *  cd /srv/xueji && npx tsx --conditions=react-server scripts/retention.ts
 * Options: --dry-run (report only).
 */
import { parseArgs } from "node:util";
import { runRetention } from "../lib/identity-cases/retention";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { "dry-run": { type: "boolean", default: false } } });
  const dryRun = values["dry-run"] ?? false;
  const started = Date.now();
  const report = await runRetention(new Date(), { dryRun });
  const verb = dryRun ? "would delete" : "deleted";
  console.log(
    `[retention] ${verb}: ${report.photoFiles} ID photo files of ${report.photoCases} closed cases, ` +
      `${report.orphanPhotoFiles} stray photo files, ${report.evidenceFiles} evidence files; ` +
      `scheduled ${report.evidenceScheduled} evidence files; expired ${report.assistsExpired} assist requests; ` +
      `${report.closedAccountSignIns} sign-in events of accounts closed over six months ago; ` +
      `${report.sentMessages} sent-message log rows, ${report.spentCodes} spent codes; ` +
      `blanked the phone number of ${report.assistPhonesBlanked} closed assist requests ` +
      `(${Date.now() - started} ms)`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("[retention] failed:", error);
    process.exit(1);
  },
);
