import { describe, expect, it } from "vitest";
import { preferredLocale } from "./imports.handlers";
import { ImportJobs } from "./jobs";

/** A job store on a clock the test moves. */
function store() {
  let now = 1_000;
  const jobs = new ImportJobs<string>({ retentionMs: 60_000, now: () => now });
  return { jobs, advance: (ms: number) => (now += ms) };
}

/** Lets the detached job's promise settle. */
const settled = () => new Promise((r) => setTimeout(r, 0));

describe("import jobs", () => {
  it("runs the work, keeps its progress and ends with its outcome", async () => {
    const { jobs } = store();
    let release: () => void = () => {};
    const job = jobs.start("anna", async (progress) => {
      progress({ file: "units.csv", rows: 10, bytes: 100, totalBytes: 100 });
      await new Promise<void>((r) => {
        release = r;
      });
      return { state: "done", report: "klart" };
    });
    expect(jobs.get(job.id, "anna")).toMatchObject({
      state: "running",
      progress: { file: "units.csv", rows: 10 },
    });
    release();
    await settled();
    expect(jobs.get(job.id, "anna")).toMatchObject({ state: "done", report: "klart" });
  });

  it("keeps the step after the files beside the files' progress, and tells the observer", async () => {
    const { jobs } = store();
    const told: unknown[] = [];
    let release: () => void = () => {};
    const job = jobs.start(
      "anna",
      async (progress, step) => {
        progress({ file: "events.csv", rows: 40, bytes: 400, totalBytes: 400 });
        step({ step: "checking" });
        step({ step: "deriving", done: 0, total: 300 });
        await new Promise<void>((r) => {
          release = r;
        });
        step({ step: "deriving", done: 300, total: 300 });
        return { state: "done", report: "klart" };
      },
      { changed: (j) => told.push(structuredClone(j.progress)), finished: () => {} },
    );
    expect(jobs.get(job.id, "anna")?.progress).toEqual({
      file: "events.csv",
      rows: 40,
      bytes: 400,
      totalBytes: 400,
      step: { step: "deriving", done: 0, total: 300 },
    });
    release();
    await settled();
    expect(told.map((p) => (p as { step?: unknown }).step)).toEqual([
      undefined,
      { step: "checking" },
      { step: "deriving", done: 0, total: 300 },
      { step: "deriving", done: 300, total: 300 },
    ]);
  });

  it("shows a job only to its owner", () => {
    const { jobs } = store();
    const job = jobs.start("anna", () => new Promise(() => {}));
    expect(jobs.get(job.id, "bertil")).toBeUndefined();
    expect(jobs.get(job.id, "anna")?.id).toBe(job.id);
  });

  it("forgets a finished job after the retention time, never a running one", async () => {
    const { jobs, advance } = store();
    const finished = jobs.start("anna", async () => ({ state: "done" }));
    const running = jobs.start("anna", () => new Promise(() => {}));
    await settled();
    advance(59_000);
    expect(jobs.get(finished.id, "anna")).toBeDefined();
    advance(2_000);
    expect(jobs.get(finished.id, "anna")).toBeUndefined();
    expect(jobs.get(running.id, "anna")?.state).toBe("running");
  });

  it("marks a job whose work threw as failed without a report", async () => {
    const { jobs } = store();
    const job = jobs.start("anna", async () => {
      throw new Error("database gone");
    });
    await settled();
    expect(jobs.get(job.id, "anna")).toMatchObject({ state: "failed", failure: "unexpected" });
    expect(jobs.get(job.id, "anna")?.report).toBeUndefined();
  });

  it("tells a database that went away from a bug", async () => {
    const { jobs } = store();
    const lost = Object.assign(new Error("write CONNECTION_CLOSED"), { code: "CONNECTION_CLOSED" });
    const job = jobs.start("anna", async () => {
      throw new Error("Failed query", { cause: lost });
    });
    await settled();
    expect(jobs.get(job.id, "anna")).toMatchObject({
      state: "failed",
      failure: "database_unavailable",
    });
  });
});

describe("preferredLocale", () => {
  it.each([
    [undefined, "sv"],
    ["", "sv"],
    ["en", "en"],
    ["en-GB,en;q=0.9,sv;q=0.8", "en"],
    ["sv-SE,sv;q=0.9,en;q=0.8", "sv"],
    ["de-DE,en;q=0.5", "en"],
    ["en;q=0.2,sv;q=0.9", "sv"],
    ["en;q=0", "sv"],
    ["fr", "sv"],
  ] as const)("reads %j as %s", (header, expected) => {
    expect(preferredLocale(header)).toBe(expected);
  });
});
