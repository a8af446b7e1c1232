import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import {
  createRosterImport,
  failStaleJobs,
  HEARTBEAT_MS,
  runCommit,
  runPreview,
  STALE_AFTER_MS,
  startCommit,
  track,
} from "@/lib/roster-import/jobs";
import { registrarActor, toCsv, validRow } from "./support";

/**
 * Issue 10 item 1: a job is stale only when its worker stopped beating, never because the registrar read
 * the preview for a while; and the sweep happens where the busy check is, not on a page view.
 */
const actor = registrarActor();
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

async function previewed(college: string) {
  const row = validRow({}, college);
  const created = await createRosterImport(actor, { name: "roster.csv", bytes: Buffer.from(toCsv([row])) });
  if (!created.ok) throw new Error(JSON.stringify(created));
  await runPreview(created.value.jobId);
  const job = await db.importJob.findUniqueOrThrow({ where: { id: created.value.jobId } });
  expect(job.status).toBe("previewed");
  return { job, row };
}

/** Moves the job's clock back: as if it had been uploaded (and last stamped) `minutes` ago. */
async function age(jobId: string, minutes: number) {
  await db.importJob.update({
    where: { id: jobId },
    data: {
      createdAt: minutesAgo(minutes),
      finishedAt: minutesAgo(minutes),
      heartbeatAt: minutesAgo(minutes),
    },
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe("import jobs: heartbeat instead of upload time", () => {
  it("commits a preview the registrar read for ten minutes, even when a sweep runs before the commit starts", async () => {
    const { job, row } = await previewed(`心跳甲${Date.now()}`);
    await age(job.id, 10);
    // another registrar's upload sweeps while this preview waits: a preview is never stale
    await failStaleJobs();
    expect((await db.importJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("previewed");
    expect((await startCommit(actor, job.id)).ok).toBe(true);
    // the commit runs after the response; a sweep a minute and a half later still finds it alive
    await failStaleJobs(new Date(Date.now() + 90_000));
    expect((await db.importJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("committing");
    await runCommit(job.id, actor);
    const done = await db.importJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(done).toMatchObject({ status: "committed", error: null });
    expect(await db.enrollmentRecord.count({ where: { studentNumber: row["学号"] } })).toBe(1);
  });

  it("sweeps a commit whose worker died when the next upload checks busy, and refuses while one is alive", async () => {
    const alive = await previewed(`心跳乙${Date.now()}`);
    expect((await startCommit(actor, alive.job.id)).ok).toBe(true);
    const refused = await createRosterImport(actor, {
      name: "next.csv",
      bytes: Buffer.from(toCsv([validRow({}, `心跳丙${Date.now()}`)])),
    });
    expect(refused).toMatchObject({ ok: false, error: { key: "import.errors.busy" } });

    // the process died mid-commit: nothing beats any more
    await db.importJob.update({
      where: { id: alive.job.id },
      data: { heartbeatAt: new Date(Date.now() - STALE_AFTER_MS - 1_000) },
    });
    const next = await createRosterImport(actor, {
      name: "next.csv",
      bytes: Buffer.from(toCsv([validRow({}, `心跳丙${Date.now()}`)])),
    });
    expect(next.ok).toBe(true);
    const dead = await db.importJob.findUniqueOrThrow({ where: { id: alive.job.id } });
    expect(dead.status).toBe("failed");
    expect(JSON.parse(dead.error ?? "{}")).toEqual({ key: "import.errors.interrupted" });
    expect(await db.enrollmentRecord.count({ where: { studentNumber: alive.row["学号"] } })).toBe(0);
    if (next.ok) await runPreview(next.value.jobId);
  });

  it("the running worker stamps the job every few seconds", async () => {
    const { job } = await previewed(`心跳丁${Date.now()}`);
    expect((await startCommit(actor, job.id)).ok).toBe(true);
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    await track(job.id, async () => {
      await age(job.id, 10);
      vi.advanceTimersByTime(HEARTBEAT_MS);
      await vi.waitFor(
        async () => {
          const beat = (await db.importJob.findUniqueOrThrow({ where: { id: job.id } })).heartbeatAt;
          expect(beat?.getTime()).toBeGreaterThan(Date.now() - 10_000);
        },
        { timeout: 5_000, interval: 20 },
      );
      await failStaleJobs();
      expect((await db.importJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("committing");
    });
    vi.useRealTimers();
    await runCommit(job.id, actor);
    expect((await db.importJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("committed");
  });
});
