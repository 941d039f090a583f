import { randomUUID } from "node:crypto";
import {
  type Db,
  deleteImportJobsFinishedBefore,
  findImportJob,
  type ImportProgress,
  type ImportStep,
  writeImportJob,
} from "@samsyn/db";
import { isDatabaseUnavailable } from "../../lib/error-handler";

export type JobState = "running" | "done" | "failed";

/** Why a job failed without a report: the database went away, or something unexpected (a bug). */
export type JobFailure = "database_unavailable" | "unexpected";

/**
 * Where a running import is: the file being read and its rows so far (null before the first),
 * then, once the files are read, the step it is at — minutes at a county's size.
 */
export interface JobProgress {
  readonly file: string | null;
  readonly rows: number;
  readonly bytes: number;
  readonly totalBytes: number;
  readonly step?: ImportStep;
}

export interface ImportJob<Report> {
  readonly id: string;
  /** The subject of the user who started it: only they may read it. */
  readonly owner: string;
  state: JobState;
  progress: JobProgress;
  report?: Report;
  /** Set when the work threw instead of reporting. */
  failure?: JobFailure;
  finishedAt?: number;
}

/** How long a finished job stays readable: long enough to come back to a closed tab. */
export const jobRetentionMs = 60 * 60 * 1000;

/**
 * Told of a job's every change: `SharedImportJob` writes it where the other instances read it.
 */
export interface JobObserver<Report> {
  changed(job: ImportJob<Report>): void;
  finished(job: ImportJob<Report>): void;
}

/**
 * Import jobs of this process, in memory: a job lives as long as the process (a restart loses
 * the progress of a running import, whose transaction the database then rolls back) and, once
 * finished, `retentionMs` more. On PostgreSQL each job is also written to `import_jobs`
 * (`SharedImportJob`), so that any instance can answer a poll for it.
 */
export class ImportJobs<Report> {
  readonly #jobs = new Map<string, ImportJob<Report>>();
  readonly #retentionMs: number;
  readonly #now: () => number;

  constructor(options: { retentionMs?: number; now?: () => number } = {}) {
    this.#retentionMs = options.retentionMs ?? jobRetentionMs;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Starts `work` as a job of `owner` and returns the job at once. `work` reports progress
   * through its arguments — the files read, then the steps after them — and resolves to the
   * job's outcome; if it throws, the job has failed without a report.
   */
  start(
    owner: string,
    work: (
      progress: (update: ImportProgress) => void,
      step: (step: ImportStep) => void,
    ) => Promise<Outcome<Report>>,
    observer?: JobObserver<Report>,
  ): ImportJob<Report> {
    this.#prune();
    const job: ImportJob<Report> = {
      id: randomUUID(),
      owner,
      state: "running",
      progress: { file: null, rows: 0, bytes: 0, totalBytes: 0 },
    };
    this.#jobs.set(job.id, job);
    const progress = (update: ImportProgress) => {
      job.progress = { ...update };
      observer?.changed(job);
    };
    const step = (next: ImportStep) => {
      job.progress = { ...job.progress, step: { ...next } };
      observer?.changed(job);
    };
    // Nobody awaits a detached job: a rejection must become its state, never an unhandled one.
    void work(progress, step).then(
      (outcome) => {
        this.#finish(job, outcome);
        observer?.finished(job);
      },
      (error: unknown) => {
        job.failure = isDatabaseUnavailable(error) ? "database_unavailable" : "unexpected";
        this.#finish(job, { state: "failed" });
        observer?.finished(job);
      },
    );
    return job;
  }

  /** The job, if it exists, is not expired and belongs to `owner`; undefined otherwise. */
  get(id: string, owner: string): ImportJob<Report> | undefined {
    this.#prune();
    const job = this.#jobs.get(id);
    return job?.owner === owner ? job : undefined;
  }

  #finish(job: ImportJob<Report>, outcome: Outcome<Report>): void {
    job.state = outcome.state;
    if (outcome.report !== undefined) job.report = outcome.report;
    job.finishedAt = this.#now();
  }

  #prune(): void {
    const oldest = this.#now() - this.#retentionMs;
    for (const [id, job] of this.#jobs) {
      if (job.finishedAt !== undefined && job.finishedAt < oldest) this.#jobs.delete(id);
    }
  }
}

export interface Outcome<Report> {
  readonly state: "done" | "failed";
  readonly report?: Report;
}

/** How often a running job's instance says it is still at it. */
export const jobHeartbeatMs = 5_000;
/** A running job not heard of for this long belongs to an instance that died: it failed. */
export const jobStaleMs = 30_000;
/** Progress is written at most this often: an import reports every few thousand rows. */
const progressWriteMs = 1_000;

/**
 * Writes one job of this instance to `import_jobs` as it runs: its first row (awaited before the
 * 202, so a poll on another instance finds it at once), its progress at most every second, a
 * heartbeat every five seconds, and its end. The writes go one after another, in order: the last
 * row is the job's last state. A write that fails (PostgreSQL away) is left for the next one: the
 * job itself runs on, and the heartbeat, or its absence, tells the other instances the rest.
 */
export class SharedImportJob<Report> implements JobObserver<Report> {
  readonly #db: Db;
  readonly #now: () => number;
  #queue: Promise<void> = Promise.resolve();
  #lastProgressWrite = 0;
  #heartbeat: NodeJS.Timeout | undefined;

  constructor(db: Db, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  /** The first row; also forgets the jobs that finished over an hour ago. */
  async begin(job: ImportJob<Report>): Promise<void> {
    const at = this.#now();
    this.#lastProgressWrite = at;
    await deleteImportJobsFinishedBefore(this.#db, new Date(at - jobRetentionMs));
    await this.#write(job);
    if (job.finishedAt === undefined) {
      this.#heartbeat = setInterval(() => void this.#write(job).catch(() => {}), jobHeartbeatMs);
      this.#heartbeat.unref();
    }
  }

  changed(job: ImportJob<Report>): void {
    const at = this.#now();
    if (at - this.#lastProgressWrite < progressWriteMs) return;
    this.#lastProgressWrite = at;
    void this.#write(job).catch(() => {});
  }

  finished(job: ImportJob<Report>): void {
    clearInterval(this.#heartbeat);
    void this.#write(job).catch(() => {});
  }

  /** Queued behind the writes before it, with the job as it is at the call. */
  #write(job: ImportJob<Report>): Promise<void> {
    const row = {
      id: job.id,
      owner: job.owner,
      state: job.state,
      progress: { ...job.progress },
      report: job.report ?? null,
      failure: job.failure ?? null,
      finishedAt: job.finishedAt === undefined ? null : new Date(job.finishedAt),
    };
    const at = new Date(this.#now());
    const write = this.#queue.then(() => writeImportJob(this.#db, row, at));
    this.#queue = write.catch(() => {});
    return write;
  }
}

/**
 * A job another instance runs (or ran), as `import_jobs` has it; undefined when it does not
 * exist, expired, or is another user's. A running job whose heartbeat stopped failed with its
 * instance (SIGKILL, a crash): PostgreSQL rolled its transaction back, so nothing was stored.
 */
export async function readSharedImportJob<Report>(
  db: Db,
  id: string,
  owner: string,
  now: number = Date.now(),
): Promise<ImportJob<Report> | undefined> {
  const row = await findImportJob(db, id, owner);
  if (row === undefined) return undefined;
  if (row.finishedAt !== null && row.finishedAt.getTime() < now - jobRetentionMs) return undefined;
  const job: ImportJob<Report> = {
    id: row.id,
    owner: row.owner,
    state: row.state,
    progress: row.progress as JobProgress,
  };
  if (row.report !== null) job.report = row.report as Report;
  if (row.failure !== null) job.failure = row.failure;
  if (row.finishedAt !== null) job.finishedAt = row.finishedAt.getTime();
  if (job.state === "running" && row.heartbeatAt.getTime() < now - jobStaleMs) {
    job.state = "failed";
    job.failure = "unexpected";
  }
  return job;
}
