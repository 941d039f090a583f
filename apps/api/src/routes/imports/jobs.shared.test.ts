import { testDatabases, useMigratedDatabase } from "@samsyn/db/testing";
import { describe, expect, it } from "vitest";
import { ImportJobs, jobStaleMs, readSharedImportJob, SharedImportJob } from "./jobs";

/** Until the job's writes have reached the database. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let tries = 0; ; tries++) {
    const value = await read();
    if (done(value) || tries > 200) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * An import job started on one instance, polled on another (docs/scaling.md "Several
 * instances"): `readSharedImportJob` is all the other instance has.
 */
describe.each(testDatabases())("import jobs shared through $name", (target) => {
  const database = useMigratedDatabase(target);

  it("shows another instance the job from its start, its progress and its report", async () => {
    const onA = new ImportJobs<string>();
    let now = Date.parse("2026-12-04T08:00:00Z");
    const shared = new SharedImportJob<string>(database().db, () => now);
    let release: () => void = () => {};
    let progress: (update: {
      file: string;
      rows: number;
      bytes: number;
      totalBytes: number;
    }) => void = () => {};
    const job = onA.start(
      "anna",
      async (onProgress) => {
        progress = onProgress;
        await new Promise<void>((r) => {
          release = r;
        });
        return { state: "done", report: "klart" };
      },
      shared,
    );
    await shared.begin(job);
    const read = () => readSharedImportJob<string>(database().db, job.id, "anna", now);
    expect(await read()).toMatchObject({ id: job.id, state: "running" });
    expect(await readSharedImportJob(database().db, job.id, "bertil", now)).toBeUndefined();

    now += 2_000;
    progress({ file: "cases.csv", rows: 500, bytes: 1000, totalBytes: 4000 });
    const progressed = await until(read, (j) => j?.progress.rows === 500);
    expect(progressed?.progress).toEqual({
      file: "cases.csv",
      rows: 500,
      bytes: 1000,
      totalBytes: 4000,
    });

    release();
    const finished = await until(read, (j) => j?.state !== "running");
    expect(finished).toMatchObject({ state: "done", report: "klart" });
  });

  it("reads a running job whose instance stopped beating as failed", async () => {
    const now = Date.parse("2026-12-04T09:00:00Z");
    const onA = new ImportJobs<string>();
    const shared = new SharedImportJob<string>(database().db, () => now);
    const job = onA.start("anna", () => new Promise(() => {}), shared);
    await shared.begin(job);
    // Its heartbeat stops, as a killed process's does, while the row still says running.
    shared.finished(job);
    const read = (at: number) => readSharedImportJob<string>(database().db, job.id, "anna", at);
    expect((await read(now + jobStaleMs - 1000))?.state).toBe("running");
    expect(await read(now + jobStaleMs + 1000)).toMatchObject({
      state: "failed",
      failure: "unexpected",
    });
  });
});
