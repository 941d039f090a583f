import { execFileSync } from "node:child_process";
import { cpus, loadavg, release, totalmem, type } from "node:os";
import type { Database } from "@samsyn/db";
import { repoRoot } from "./paths";
import { rawQuery } from "./raw-sql";

/** What the figures were measured on: they mean little without it. */
export interface MachineFacts {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryBytes: number;
  readonly os: string;
  readonly node: string;
  /** The commit measured, with "+changes" when the work tree differs from it. */
  readonly commit: string | undefined;
  /** The 1-minute load average when the run ended: others' work on the machine slows ours. */
  readonly loadAverage: number;
}

export function machineFacts(): MachineFacts {
  const processors = cpus();
  return {
    cpu: processors[0]?.model.trim() ?? "unknown",
    cores: processors.length,
    memoryBytes: totalmem(),
    os: `${type()} ${release()}`,
    node: process.version,
    commit: currentCommit(),
    loadAverage: loadavg()[0] ?? 0,
  };
}

/** Read-only git: the benchmark never changes the repository's state. */
function currentCommit(): string | undefined {
  try {
    const git = (args: string[]) =>
      execFileSync("git", args, { cwd: repoRoot, encoding: "utf8", stdio: "pipe" }).trim();
    const head = git(["rev-parse", "--short", "HEAD"]);
    return git(["status", "--porcelain"]) === "" ? head : `${head}+changes`;
  } catch {
    return undefined;
  }
}

/** The server's version and the settings the notes' baselines were sensitive to. */
export async function databaseSettings(database: Database): Promise<string> {
  const [row] = await rawQuery(
    database,
    `SELECT current_setting('server_version') AS version,
      current_setting('shared_buffers') AS shared_buffers,
      current_setting('work_mem') AS work_mem,
      current_setting('max_parallel_workers_per_gather') AS parallel_workers,
      current_setting('jit') AS jit`,
  );
  const name = database.kind === "postgres" ? "PostgreSQL" : "PGlite (PostgreSQL)";
  return `${name} ${String(row?.version)}, shared_buffers=${String(row?.shared_buffers)}, work_mem=${String(row?.work_mem)}, max_parallel_workers_per_gather=${String(row?.parallel_workers)}, jit=${String(row?.jit)}`;
}
