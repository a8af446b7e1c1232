/**
 * A second (third, …) app instance for the multi-instance tests: a separate Node process with its own
 * database connection pool and its own in-memory state, sharing only the database with the test — as two
 * servers behind a load balancer would. Prints one JSON line with the outcome of each attempt.
 *   tsx --conditions=react-server tests/integration/support/app-instance.ts sign-in <username> <times>
 *   tsx --conditions=react-server tests/integration/support/app-instance.ts send-code <phone>
 */
import { signInStudent } from "@/lib/accounts/sign-in";
import { sendSmsCode } from "@/lib/accounts/codes";
import { createCaptcha, devCaptchaAnswer } from "@/lib/security/captcha";
import { db } from "@/lib/db";

const meta = { ip: `10.77.${process.pid % 250}.9`, userAgent: "second instance" };

async function failedSignIns(username: string, times: number): Promise<string[]> {
  const outcomes: string[] = [];
  for (let i = 0; i < times; i++) {
    const captcha = await createCaptcha();
    const r = await signInStudent(
      {
        username,
        password: "not the password",
        captchaId: captcha.id,
        captchaAnswer: devCaptchaAnswer(captcha.id) ?? "",
      },
      meta,
    );
    outcomes.push(r.ok ? "ok" : (r.error?.key ?? Object.values(r.fieldErrors ?? {})[0]?.key ?? "?"));
  }
  return outcomes;
}

async function main() {
  const [command, target, times] = process.argv.slice(2);
  const outcomes =
    command === "sign-in"
      ? await failedSignIns(target, Number(times))
      : [
          await sendSmsCode({ purpose: "register", phone: target }, meta).then((r) =>
            r.ok ? "sent" : (r.error?.key ?? Object.values(r.fieldErrors ?? {})[0]?.key ?? "?"),
          ),
        ];
  console.log(JSON.stringify(outcomes));
  await db.$disconnect();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
