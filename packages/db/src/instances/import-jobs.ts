import { and, eq, lt } from "drizzle-orm";
import type { Db } from "../client";
import { importJobs } from "../schema";

export type ImportJobRow = typeof importJobs.$inferSelect;

/** Writes the job as it is now (its first row, a progress step, its end); beats its heart. */
export async function writeImportJob(
  db: Db,
  job: Omit<ImportJobRow, "heartbeatAt">,
  at: Date,
): Promise<void> {
  const row = { ...job, heartbeatAt: at };
  await db
    .insert(importJobs)
    .values(row)
    .onConflictDoUpdate({
      target: importJobs.id,
      set: {
        state: row.state,
        progress: row.progress,
        report: row.report,
        failure: row.failure,
        heartbeatAt: row.heartbeatAt,
        finishedAt: row.finishedAt,
      },
    });
}

/** The job of `id` if `owner` started it; undefined otherwise (another's job is as absent). */
export async function findImportJob(
  db: Db,
  id: string,
  owner: string,
): Promise<ImportJobRow | undefined> {
  const [row] = await db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, id), eq(importJobs.owner, owner)));
  return row;
}

/** Deletes the jobs that finished before `before`: past the hour a finished job stays readable. */
export async function deleteImportJobsFinishedBefore(db: Db, before: Date): Promise<void> {
  await db.delete(importJobs).where(lt(importJobs.finishedAt, before));
}
