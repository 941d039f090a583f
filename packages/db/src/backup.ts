import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { constants, existsSync } from "node:fs";
import {
  access,
  mkdir,
  open,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  writeFile,
} from "node:fs/promises";
import { delimiter, dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { t } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import { createDb, type Database } from "./client";
import { fingerprintMatches } from "./installation-secret";
import { migrate } from "./migrate";
import { selectRows } from "./queries/rows";
import { countSummary } from "./queries/summary";

/**
 * `samsyn backup` and `samsyn restore` (README "Säkerhetskopiering"). PostgreSQL is dumped with
 * pg_dump's custom format (one consistent snapshot, restorable table by table); PGlite, which no
 * pg_dump can reach, by a tarball of its data dir taken while this process alone has it open.
 * A restore goes into an empty database only and checks the installation secret before it writes.
 */
export type BackupKind = Database["kind"];

/** A user's mistake or a missing tool: the message is Swedish and complete, no stack needed. */
export class BackupRefused extends Error {}

/** Progress of a dump or restore: the tables whose data is done, of how many. */
export interface TableProgress {
  readonly table: string;
  readonly done: number;
  readonly total: number;
}

export interface BackupOptions {
  readonly onProgress?: (progress: TableProgress) => void;
}

/** Where PGlite keeps a data dir's database (as `createDb` opens it). */
export function pgliteLocation(dataDir: string): string {
  return join(dataDir, "pglite");
}

// ---------------------------------------------------------------------------------------------
// Which kind of backup a file is

/** pg_dump's custom format starts with "PGDMP"; a PGlite data dir tarball is gzip. */
export async function backupKindOf(file: string): Promise<BackupKind | undefined> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(5);
    const { bytesRead } = await handle.read(head, 0, 5, 0);
    if (bytesRead === 5 && head.toString("latin1") === "PGDMP") return "postgres";
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return "pglite";
    return undefined;
  } finally {
    await handle.close();
  }
}

/** Writes through a temporary name, so that a failed backup never leaves a file that looks whole. */
async function writeAtomically(out: string, write: (partial: string) => Promise<void>) {
  if (existsSync(out)) throw new BackupRefused(t("backup.out_exists", { file: out }));
  await mkdir(dirname(out), { recursive: true });
  const partial = `${out}.partial-${randomBytes(4).toString("hex")}`;
  try {
    await write(partial);
    await rename(partial, out);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: pg_dump and pg_restore

export interface PostgresTool {
  readonly path: string;
  readonly major: number;
}

/**
 * The pg_dump or pg_restore to use for a server of `serverMajor`: the first of PATH's and then
 * /usr/lib/postgresql/<version>/bin's (newest first) that is at least as new as the server —
 * pg_dump refuses a newer server ("server version mismatch"), and Debian installs several
 * versions side by side, with PATH's being whichever the packages chose.
 */
export async function findPostgresTool(
  tool: "pg_dump" | "pg_restore",
  serverMajor: number,
  places: { path?: string; versionsRoot?: string } = {},
): Promise<PostgresTool> {
  const candidates = await toolCandidates(tool, places);
  const found: PostgresTool[] = [];
  for (const path of candidates) {
    const major = await toolMajor(path);
    if (major === undefined) continue;
    if (major >= serverMajor) return { path, major };
    found.push({ path, major });
  }
  const newest = found.sort((a, b) => b.major - a.major)[0];
  if (newest === undefined) {
    throw new BackupRefused(t("backup.tool_missing", { tool, major: serverMajor }));
  }
  throw new BackupRefused(
    t("backup.tool_too_old", { tool, major: serverMajor, found: newest.major, path: newest.path }),
  );
}

async function toolCandidates(
  tool: string,
  places: { path?: string; versionsRoot?: string },
): Promise<string[]> {
  const pathDirs = (places.path ?? process.env.PATH ?? "").split(delimiter).filter(Boolean);
  const root = places.versionsRoot ?? "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? (await readdir(root))
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => join(root, v, "bin"))
    : [];
  const candidates: string[] = [];
  for (const dir of [...pathDirs, ...versions]) {
    const path = join(dir, tool);
    if (candidates.includes(path)) continue;
    if (await isExecutable(path)) candidates.push(path);
  }
  return candidates;
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)" → 15. */
async function toolMajor(path: string): Promise<number | undefined> {
  const result = await runTool(path, ["--version"], {}).catch(() => undefined);
  const match = result?.stdout.match(/\(PostgreSQL\)\s+(\d+)/);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

interface ToolOutput {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a PostgreSQL program; `onLine` sees each line of its stderr (its -v progress) as it comes. */
function runTool(
  path: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  onLine?: (line: string) => void,
): Promise<ToolOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(path, args, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stdout: Buffer[] = [];
    let stderr = "";
    let pending = "";
    child.stdout.on("data", (d: Buffer) => stdout.push(d));
    child.stderr.on("data", (d: Buffer) => {
      const text = d.toString();
      stderr += text;
      if (onLine === undefined) return;
      const lines = (pending + text).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) onLine(line);
    });
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ code: code ?? 1, stdout: Buffer.concat(stdout).toString(), stderr }),
    );
  });
}

/** Fails with the tool's own words, less its -v chatter. */
function checkTool(tool: string, output: ToolOutput): void {
  if (output.code === 0) return;
  const errors = output.stderr
    .split("\n")
    .filter((line) => /error|fatal|fel/i.test(line))
    .join("\n");
  throw new Error(
    t("backup.tool_failed", { tool, code: output.code, output: errors || output.stderr.trim() }),
  );
}

/**
 * libpq reads the connection from the environment: the password then stays out of the process
 * list, where a `--dbname=postgres://user:password@…` argument would show it to every local user.
 */
function libpqEnv(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = {};
  if (url.password !== "") env.PGPASSWORD = decodeURIComponent(url.password);
  url.password = "";
  return { dbname: url.toString(), env };
}

async function serverMajor(database: Database): Promise<number> {
  const [row] = await selectRows<{ v: string }>(
    database.db,
    sql`SELECT current_setting('server_version_num') AS v`,
  );
  return Math.floor(Number(row?.v) / 10_000);
}

/** The tables in the database's own schemas: those a dump holds the rows of. */
async function userTables(database: Database): Promise<number> {
  const [row] = await selectRows<{ n: number }>(
    database.db,
    sql`SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r'
          AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
          AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'`,
  );
  return row?.n ?? 0;
}

/** `pg_dump: dumping contents of table "public.cases"` → `public.cases`. */
function tableOfLine(line: string, verb: RegExp): string | undefined {
  const match = line.match(verb);
  return match?.[1];
}

/** pg_dump -Fc of the whole database: one snapshot, so the tables agree with each other. */
export async function backupPostgres(
  databaseUrl: string,
  out: string,
  options: BackupOptions = {},
): Promise<void> {
  const database = await createDb({ databaseUrl });
  let tool: PostgresTool;
  let total: number;
  try {
    tool = await findPostgresTool("pg_dump", await serverMajor(database));
    total = await userTables(database);
  } finally {
    await database.close();
  }
  const { dbname, env } = libpqEnv(databaseUrl);
  let done = 0;
  await writeAtomically(out, async (partial) => {
    const output = await runTool(
      tool.path,
      ["--format=custom", "--verbose", `--file=${partial}`, `--dbname=${dbname}`],
      env,
      (line) => {
        const table = tableOfLine(line, /dumping contents of table "([^"]+)"/);
        if (table === undefined) return;
        done += 1;
        options.onProgress?.({ table, done, total });
      },
    );
    checkTool("pg_dump", output);
  });
}

/**
 * The fingerprint of the installation secret in a dump, read without restoring it (pg_restore
 * writes the table's COPY to stdout); undefined when the backup has none recorded.
 */
async function dumpedFingerprint(tool: PostgresTool, file: string): Promise<string | undefined> {
  const output = await runTool(
    tool.path,
    ["--data-only", "--table=installation", "--file=-", file],
    {},
  );
  checkTool("pg_restore", output);
  const lines = output.stdout.split("\n");
  const header = lines.findIndex((l) => /^COPY \S*installation \(/.test(l));
  if (header === -1) return undefined;
  const columns = (lines[header]?.match(/\(([^)]*)\)/)?.[1] ?? "")
    .split(",")
    .map((c) => c.trim().replaceAll('"', ""));
  const row = lines[header + 1];
  if (row === undefined || row === "\\.") return undefined;
  return row.split("\t")[columns.indexOf("secret_fingerprint")];
}

/** What a restore found in the target: refused when it is not empty. */
async function refuseNonEmptyPostgres(database: Database, databaseUrl: string): Promise<void> {
  const count = await userTables(database);
  if (count === 0) return;
  const name = new URL(databaseUrl).pathname.slice(1) || "postgres";
  throw new BackupRefused(t("backup.target_not_empty_postgres", { database: name, count }));
}

export interface RestoreOptions extends BackupOptions {
  /** The installation secret the restored database must have been made under. */
  readonly secret: string;
}

/**
 * pg_restore into an empty database, in one transaction: a failure leaves it empty. Objects are
 * owned by whoever restores (the owner role of README "Database roles"), and privileges are
 * granted again by `migrate` afterwards, so a server without the dumped server's roles restores
 * as well.
 */
export async function restorePostgres(
  databaseUrl: string,
  file: string,
  options: RestoreOptions,
): Promise<void> {
  const database = await createDb({ databaseUrl });
  let tool: PostgresTool;
  try {
    await refuseNonEmptyPostgres(database, databaseUrl);
    tool = await findPostgresTool("pg_restore", await serverMajor(database));
  } finally {
    await database.close();
  }
  await refuseOtherSecret(await dumpedFingerprint(tool, file), options.secret);
  const list = await runTool(tool.path, ["--list", file], {});
  checkTool("pg_restore", list);
  const total = list.stdout.split("\n").filter((l) => / TABLE DATA /.test(l)).length;
  const { dbname, env } = libpqEnv(databaseUrl);
  let done = 0;
  const output = await runTool(
    tool.path,
    [
      "--verbose",
      "--exit-on-error",
      "--single-transaction",
      "--no-owner",
      "--no-privileges",
      `--dbname=${dbname}`,
      file,
    ],
    env,
    (line) => {
      const table = tableOfLine(line, /processing data for table "([^"]+)"/);
      if (table === undefined) return;
      done += 1;
      options.onProgress?.({ table, done, total });
    },
  );
  checkTool("pg_restore", output);
}

async function refuseOtherSecret(fingerprint: string | undefined, secret: string): Promise<void> {
  // A backup taken before any migrate with a secret has none: the first start records it.
  if (fingerprint === undefined) return;
  if (!(await fingerprintMatches(secret, fingerprint))) {
    throw new BackupRefused(t("backup.secret_mismatch"));
  }
}

/**
 * After a restore: a backup of an older Samsyn is brought up to this one's schema, the
 * application role gets its privileges back (the restore left them out), and PostgreSQL gets the
 * planner's statistics, which pg_restore does not load. Says what the database now holds.
 */
export async function finishRestore(
  database: Database,
  secret: string,
): Promise<{ tables: number; cases: number }> {
  await migrate(database, { secret });
  if (database.kind === "postgres") await database.db.execute(sql`ANALYZE`);
  const [tables] = await selectRows<{ n: number }>(
    database.db,
    sql`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`,
  );
  return { tables: tables?.n ?? 0, cases: (await countSummary(database.db)).cases };
}

// ---------------------------------------------------------------------------------------------
// PGlite: a tarball of the data dir

/**
 * The processes other than this one that have files of the data dir open; undefined when that
 * cannot be seen (no /proc). An open PGlite keeps its relation files and WAL open, and writes
 * `postmaster.pid` (with a made-up pid) until it closes: a killed process leaves that file behind
 * but holds no files any more.
 */
export async function pgliteHolders(location: string): Promise<number[] | undefined> {
  if (!existsSync(join(location, "postmaster.pid"))) return [];
  if (!existsSync("/proc/self/fd")) return undefined;
  const holders: number[] = [];
  const prefix = `${location}/`;
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const fds = await readdir(`/proc/${entry}/fd`).catch(() => []);
    for (const fd of fds) {
      const target = await readlink(`/proc/${entry}/fd/${fd}`).catch(() => "");
      if (target.startsWith(prefix)) {
        holders.push(Number(entry));
        break;
      }
    }
  }
  return holders;
}

async function refuseHeldDataDir(location: string): Promise<void> {
  const holders = await pgliteHolders(location);
  if (holders === undefined) {
    throw new BackupRefused(t("backup.pglite_maybe_in_use", { dir: location }));
  }
  if (holders.length > 0) {
    throw new BackupRefused(t("backup.pglite_in_use", { dir: location, pids: holders.join(", ") }));
  }
}

/**
 * A gzipped tarball of PGlite's data dir, dumped by this process's own PGlite after a
 * checkpoint: no other process has the dir open (checked), so the copy is consistent.
 */
export async function backupPglite(dataDir: string, out: string): Promise<void> {
  const location = pgliteLocation(dataDir);
  if (!existsSync(join(location, "PG_VERSION"))) {
    throw new BackupRefused(t("backup.pglite_missing", { dir: location }));
  }
  await refuseHeldDataDir(location);
  const client = await PGlite.create(location);
  try {
    await client.exec("CHECKPOINT");
    const tarball = await client.dumpDataDir("gzip");
    await writeAtomically(out, async (partial) => {
      await writeFile(partial, Buffer.from(await tarball.arrayBuffer()));
    });
  } finally {
    await client.close();
  }
}

/**
 * Unpacks the tarball into a folder beside the data dir, checks its secret there, and only then
 * moves it into place: a refused or failed restore leaves the data dir as it was.
 */
export async function restorePglite(
  dataDir: string,
  file: string,
  options: RestoreOptions,
): Promise<void> {
  const location = pgliteLocation(dataDir);
  const existing = existsSync(location) ? await readdir(location) : [];
  if (existing.length > 0) {
    throw new BackupRefused(t("backup.target_not_empty_pglite", { dir: location }));
  }
  await mkdir(dataDir, { recursive: true });
  const staging = `${location}.restoring-${randomBytes(4).toString("hex")}`;
  await mkdir(staging);
  try {
    const tarball = new Blob([new Uint8Array(await readFile(file))]);
    const client = await PGlite.create(staging, { loadDataDir: tarball });
    try {
      await refuseOtherSecret(await pgliteFingerprint(client), options.secret);
    } finally {
      await client.close();
    }
    await rm(location, { recursive: true, force: true });
    await rename(staging, location);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** The recorded fingerprint; a data dir never migrated has no table `installation`. */
async function pgliteFingerprint(client: PGlite): Promise<string | undefined> {
  const table = await client.query<{ present: boolean }>(
    "SELECT to_regclass('installation') IS NOT NULL AS present",
  );
  if (table.rows[0]?.present !== true) return undefined;
  const rows = await client.query<{ secret_fingerprint: string }>(
    "SELECT secret_fingerprint FROM installation WHERE id = 1",
  );
  return rows.rows[0]?.secret_fingerprint;
}
