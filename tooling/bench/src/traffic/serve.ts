import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { repoRoot } from "../paths";

const bin = join(repoRoot, "apps", "api", "bin", "samsyn.mjs");

export interface ServedSamsyn {
  readonly url: string;
  readonly pid: number;
  /** What it printed: shown when the load fails, so a crash explains itself. */
  readonly output: () => string;
  stop(): Promise<void>;
}

/**
 * `samsyn serve` in its own process, as a county runs it: what the load measures is that
 * process, its event loop and its memory, not the harness's.
 */
export async function startServe(env: Record<string, string>): Promise<ServedSamsyn> {
  const port = String(20_000 + Math.floor(Math.random() * 12_000));
  const child = spawn(process.execPath, [bin, "serve"], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: "development", ...env, PORT: port, HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (d: Buffer) => {
    // The request log of a minute's load is large; the tail is what explains a failure.
    output = (output + d.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => output);
  if (child.pid === undefined) throw new Error("samsyn serve has no pid");
  return { url, pid: child.pid, output: () => output, stop: () => stop(child) };
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`samsyn serve exited:\n${output()}`);
    const healthy = await fetch(`${url}/api/v1/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`samsyn serve did not answer:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Ended, by an exit or a signal: one a signal ended (OOM, SIGKILL) has a signalCode and no exitCode. */
function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** The resident set of a process in bytes, from /proc (Linux, as this machine and CI). */
export async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmRSS for ${pid}`);
  return Number(kb) * 1024;
}
