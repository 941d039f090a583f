import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const bin = fileURLToPath(new URL("../../apps/api/bin/samsyn.mjs", import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `samsyn …` as a user would, in its own process; resolves when it exits. */
export function runCli(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<CliResult> {
  return startCli(args, env).result;
}

/** `runCli`, with the process's pid, for a test that kills it on the way. */
export function startCli(
  args: string[],
  env: Record<string, string | undefined> = {},
): { readonly pid: number; readonly result: Promise<CliResult> } {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: repoRoot,
    env: cliEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const result = new Promise<CliResult>((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
  return { pid: child.pid ?? 0, result };
}

export interface RunningSamsyn {
  readonly url: string;
  readonly output: () => string;
  stop(): Promise<void>;
  /** The process's pid (not its group's): what a test sends SIGTERM or SIGKILL to. */
  readonly pid: number;
  /** Resolves when the process has exited: its code, or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `samsyn <command>` on 127.0.0.1 and waits until /api/v1/health answers: on `env.PORT`
 * when the test must know the address beforehand (SAMSYN_PUBLIC_URL), else on a random port
 * below the kernel's ephemeral range (32768+), tried again on another when it is taken meanwhile
 * (another test's server or PostgreSQL picked it first).
 */
export async function startSamsyn(
  command: "serve" | "start",
  env: Record<string, string | undefined>,
): Promise<RunningSamsyn> {
  for (let attempt = 1; ; attempt++) {
    const port = env.PORT ?? String(20_000 + Math.floor(Math.random() * 12_000));
    try {
      return await startOn(port, command, env);
    } catch (err) {
      const taken = err instanceof Error && err.message.includes("EADDRINUSE");
      if (!taken || env.PORT !== undefined || attempt === 5) throw err;
    }
  }
}

async function startOn(
  port: string,
  command: "serve" | "start",
  env: Record<string, string | undefined>,
): Promise<RunningSamsyn> {
  const child = spawn(process.execPath, [bin, command], {
    cwd: repoRoot,
    env: cliEnv({ ...env, PORT: port, HOST: "127.0.0.1" }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  try {
    await waitForHealth(url, child, () => output);
  } catch (err) {
    await stopChild(child);
    throw err;
  }
  return {
    url,
    output: () => output,
    stop: () => stopChild(child),
    pid: child.pid ?? 0,
    exited,
  };
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (hasExited(child)) {
      throw new Error(`samsyn exited early:\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`samsyn did not become healthy:\n${output()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (hasExited(child) || child.pid === undefined) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      // The group may be gone already, its exit not yet reported.
      if (child.pid !== undefined) signalGroup(child.pid, "SIGKILL");
    }, 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    if (child.pid !== undefined) signalGroup(child.pid, "SIGTERM");
  });
}

/** Ended, by an exit or a signal: one a signal ended (SIGKILL) has a signalCode and no exitCode. */
function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Signals the process group led by `pid`; one that has ended already is left alone. */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ESRCH") throw err;
  }
}

function cliEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "development", INIT_CWD: repoRoot };
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}
