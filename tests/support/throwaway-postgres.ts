import { execFile, execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * Tests that stop and start PostgreSQL need a server of their own: Debian's binaries, the newest
 * version under /usr/lib/postgresql (.ci/run installs them). On CI their absence is a failure; on
 * a developer's machine without them, those tests are reported as skipped, loudly.
 */
export const postgresBin = newestPostgresBin();
export const postgresAvailable = postgresBin !== undefined;
if (!postgresAvailable) {
  const ci = process.env.CI;
  if (ci !== undefined && ci !== "" && ci !== "0" && ci !== "false")
    throw new Error("PostgreSQL's binaries are missing: CI must run the outage tests");
  console.warn(
    "\n⚠ /usr/lib/postgresql/*/bin missing: outage tests skipped (apt-get install postgresql)\n",
  );
}

function newestPostgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const newest = readdirSync(root)
    .filter((version) => existsSync(join(root, version, "bin", "initdb")))
    .sort((a, b) => Number(a) - Number(b))
    .at(-1);
  return newest === undefined ? undefined : join(root, newest, "bin");
}

export interface ThrowawayPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`, trust authentication. */
  readonly url: string;
  /** Starts the server unless it runs. */
  start(): Promise<void>;
  /** `fast` ends the sessions with an error first; `immediate` is a crash, as in a power loss. */
  stop(mode: "fast" | "immediate"): Promise<void>;
  /** Stops the server if it runs and deletes its files. */
  remove(): Promise<void>;
}

/**
 * A new PostgreSQL cluster in a temporary directory, on a free port of 127.0.0.1, not yet
 * started. PostgreSQL refuses to run as root: when we are root, its commands run as `postgres`.
 */
export async function createThrowawayPostgres(): Promise<ThrowawayPostgres> {
  if (postgresBin === undefined) throw new Error("no PostgreSQL binaries");
  const bin = postgresBin;
  const dir = await mkdtemp(join(tmpdir(), "samsyn-pg-"));
  const data = join(dir, "data");
  if (process.getuid?.() === 0) await chown(dir, ...postgresUser());
  await asPostgres(bin, "initdb", [
    "-D",
    data,
    "-U",
    "postgres",
    "-A",
    "trust",
    "-E",
    "UTF8",
    "--no-locale",
    "-N",
  ]);
  const port = await freePort();
  return cluster(bin, dir, port, `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`);
}

/**
 * A streaming replica of `primary` (which must run), as docs/scaling.md deploys one: a base
 * backup with `pg_basebackup -R` (which writes `primary_conninfo` and `standby.signal`) in a
 * temporary directory of its own, on a free port, not yet started; hot standby, so it answers
 * reads. initdb's pg_hba.conf already trusts replication connections from 127.0.0.1, and
 * PostgreSQL's defaults (wal_level=replica, max_wal_senders=10) let the primary stream.
 */
export async function createThrowawayReplica(
  primary: ThrowawayPostgres,
): Promise<ThrowawayPostgres> {
  if (postgresBin === undefined) throw new Error("no PostgreSQL binaries");
  const bin = postgresBin;
  const dir = await mkdtemp(join(tmpdir(), "samsyn-pg-replica-"));
  const data = join(dir, "data");
  if (process.getuid?.() === 0) await chown(dir, ...postgresUser());
  const from = new URL(primary.url);
  await asPostgres(bin, "pg_basebackup", [
    ...["-h", from.hostname, "-p", from.port, "-U", "postgres", "-D", data],
    ...["-R", "-X", "stream", "-c", "fast"],
  ]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c hot_standby=on`;
  return cluster(bin, dir, port, options);
}

/** A cluster in `dir` (its data in `dir/data`), started and stopped with pg_ctl as postgres. */
function cluster(bin: string, dir: string, port: number, serverOptions: string): ThrowawayPostgres {
  const data = join(dir, "data");
  let running = false;
  const stop = async (mode: "fast" | "immediate") => {
    await asPostgres(bin, "pg_ctl", ["-D", data, "-m", mode, "-w", "stop"]);
    running = false;
  };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async start() {
      if (running) return;
      const log = join(dir, "server.log");
      await asPostgres(bin, "pg_ctl", ["-D", data, "-l", log, "-o", serverOptions, "-w", "start"]);
      running = true;
    },
    stop,
    async remove() {
      if (running) await stop("immediate").catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function postgresUser(): [number, number] {
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"]).toString().trim());
  return [id("-u"), id("-g")];
}

/** Runs a PostgreSQL program, through `su postgres` when we are root. */
async function asPostgres(bin: string, program: string, args: string[]): Promise<void> {
  const command = [join(bin, program), ...args];
  if (process.getuid?.() !== 0) {
    await run(command[0] ?? program, command.slice(1));
    return;
  }
  const quoted = command.map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(" ");
  await run("su", ["postgres", "-s", "/bin/sh", "-c", quoted]);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address !== null ? resolve(address.port) : reject(),
      );
    });
  });
}
