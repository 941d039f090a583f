import { randomUUID } from "node:crypto";
import type { ImportProgress } from "@samsyn/db";
import { isDatabaseUnavailable } from "../../lib/error-handler";

export type JobState = "running" | "done" | "failed";

/** Why a job failed without a report: the database went away, or something unexpected (a bug). */
export type JobFailure = "database_unavailable" | "unexpected";

/** Where a running import is: the file being read and its rows so far (null before the first). */
export interface JobProgress {
  readonly file: string | null;
  readonly rows: number;
  readonly bytes: number;
  readonly totalBytes: number;
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
 * Import jobs of this process, in memory: a job lives as long as the process (a restart loses
 * the progress of a running import, whose transaction the database then rolls back) and, once
 * finished, `retentionMs` more. Several server processes would each know only their own jobs.
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
   * through its argument and resolves to the job's outcome; if it throws, the job has failed
   * without a report.
   */
  start(
    owner: string,
    work: (progress: (update: ImportProgress) => void) => Promise<Outcome<Report>>,
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
    };
    // Nobody awaits a detached job: a rejection must become its state, never an unhandled one.
    void work(progress).then(
      (outcome) => this.#finish(job, outcome),
      (error: unknown) => {
        job.failure = isDatabaseUnavailable(error) ? "database_unavailable" : "unexpected";
        this.#finish(job, { state: "failed" });
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
