import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import {
  claimInstallationSecret,
  closeLiveBoards,
  countSummary,
  createDb,
  type Database,
  DataDirUnwritable,
  enableMetricCache,
  type ImportError,
  importDirectory,
  migrate,
  queueMetricComputations,
} from "@samsyn/db";
import { DEFAULT_DEMO_SEED, generateDemoCounty, PRELOADED_DEMO_SEED } from "@samsyn/demo-data";
import { type IsoDate, stockholmDate, t } from "@samsyn/domain";
import { createApp } from "../app";
import { createAuthConfig, runTokenCommand } from "../auth";
import { type Env, readEnv, userPath } from "../env";
import { isDatabaseUnavailable, isDiskFull } from "../lib/error-handler";
import { httpSettingsFromEnv, nodeServerOptions } from "../lib/http-settings";
import { createLogger } from "../lib/logging";
import { removeLeftoverUploads } from "../routes/imports/upload";
import { createAuditBuffer } from "../routes/metrics/metric-audit";
import { resolveSecret } from "../secret";
import { backupCommand, restoreCommand } from "./backup";
import { loadDemoEvaluations } from "./demo-evaluations";
import { loadDemoForums } from "./demo-forums";
import { loadDemoRegister } from "./demo-register";
import { createProgressReporter, formatCount, formatSeconds, importStepReporter } from "./progress";

/** `samsyn <command>`: one entry point for the commands of SPEC "Command line". */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const env = readEnv();
  switch (command) {
    case "migrate":
      return withDatabase(env, async (database) => {
        // The owner who migrates in production need not hold the secret: `serve` records it then.
        const secret = env.NODE_ENV === "production" ? env.SAMSYN_SECRET : secretFor(env);
        // A migration that changes how the metrics' storage is derived rebuilds it: at national
        // scale that is the long part of a migrate.
        const progress = createProgressReporter();
        await migrate(database, {
          ...(secret === undefined ? {} : { secret }),
          onRefreshProgress: (done, total) =>
            progress.update({ file: "case_facts", rows: done, totalRows: total }),
        });
        progress.done();
        console.log(t("cli.migrated", { kind: database.kind }));
        return 0;
      });
    case "backup":
      return backupCommand(env, rest);
    case "restore":
      return restoreCommand(env, rest);
    case "demo-data":
      return demoData(env, rest);
    case "import":
      return importCommand(env, rest);
    case "serve":
      return serveCommand(env, { loadDemoIfEmpty: false });
    case "start":
      return serveCommand(env, { loadDemoIfEmpty: true });
    case "token":
      return tokenCommand(env, rest);
    case undefined:
    case "help":
    case "--help":
      console.log(t("cli.usage"));
      return command === undefined ? 2 : 0;
    default:
      console.error(t("cli.unknown_command", { command }));
      console.error(t("cli.usage"));
      return 2;
  }
}

async function demoData(env: Env, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { out: { type: "string" }, seed: { type: "string" }, cases: { type: "string" } },
  });
  if (values.out === undefined) throw new CliError(t("cli.missing_option", { option: "out" }));
  const outDir = userPath(env, values.out);
  const cases = positiveInt(values.cases, "cases") ?? env.SAMSYN_DEMO_CASES;
  const seed = positiveInt(values.seed, "seed") ?? DEFAULT_DEMO_SEED;
  await writeDemo(outDir, seed, cases);
  return 0;
}

async function writeDemo(
  outDir: string,
  seed: number,
  cases: number,
  asOf?: IsoDate,
): Promise<void> {
  const startedAt = Date.now();
  console.error(t("cli.demo_generating", { cases: formatCount(cases) }));
  const progress = createProgressReporter();
  const written = await generateDemoCounty({
    outDir,
    seed,
    cases,
    ...(asOf === undefined ? {} : { asOf }),
    onProgress: (done) => progress.update({ file: "cases", rows: done }),
  });
  progress.done();
  console.error(
    t("cli.demo_written", {
      dir: outDir,
      units: formatCount(written.units),
      cases: formatCount(written.cases),
      events: formatCount(written.events),
      seconds: formatSeconds(Date.now() - startedAt),
    }),
  );
}

async function importCommand(env: Env, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { dir: { type: "string" } } });
  if (values.dir === undefined) throw new CliError(t("cli.missing_option", { option: "dir" }));
  const dir = userPath(env, values.dir);
  return withDatabase(env, async (database) => {
    await migrate(database, { secret: secretFor(env) });
    return (await runImport(env, database, dir)) ? 0 : 1;
  });
}

async function runImport(env: Env, database: Database, dir: string): Promise<boolean> {
  const startedAt = Date.now();
  const progress = createProgressReporter();
  const report = await importDirectory(database, {
    dir,
    secret: secretFor(env),
    onProgress: (update) => progress.update(update),
    onStep: importStepReporter(progress),
  });
  progress.done();
  for (const notice of report.notices) console.error(`${notice.file}: ${notice.message}`);
  if (!report.ok) {
    for (const e of report.errors) console.error(`${errorPlace(e)}: ${e.reason}`);
    const more = report.errorCount - report.errors.length;
    if (more > 0) console.error(t("cli.import_more_errors", { count: formatCount(more) }));
    console.error(t("cli.import_failed", { count: formatCount(report.errorCount) }));
    return false;
  }
  const skipped = report.skipped.units + report.skipped.cases + report.skipped.events;
  console.error(
    t("cli.import_done", {
      units: formatCount(report.added.units),
      cases: formatCount(report.added.cases),
      events: formatCount(report.added.events),
      skipped: formatCount(skipped),
      seconds: formatSeconds(Date.now() - startedAt),
    }),
  );
  return true;
}

/**
 * `file:line:column` as compilers write it; a whole-file error has no line, and a row's error
 * that is no column's (a wrong number of columns) no column.
 */
function errorPlace(error: Pick<ImportError, "file" | "line" | "column">): string {
  return [error.file, error.line, error.column].filter((part) => part !== null).join(":");
}

async function tokenCommand(env: Env, args: string[]): Promise<number> {
  const result = await runTokenCommand(env, args, () => secretFor(env));
  if (result.stdout !== undefined) console.log(result.stdout);
  if (result.stderr !== undefined) console.error(result.stderr);
  return result.code;
}

async function serveCommand(env: Env, options: { loadDemoIfEmpty: boolean }): Promise<number> {
  // Before the database opens: a refused configuration (dev mode in production) stops here.
  const auth = createAuthConfig(env, secretFor(env));
  // A process killed mid-import (SIGKILL, a crash) left its upload, case refs in clear, on disk.
  await removeLeftoverUploads();
  const database = await openDatabase(env);
  try {
    // Under another secret than the database's, every stored case would look new to an import.
    if (options.loadDemoIfEmpty) await migrate(database, { secret: secretFor(env) });
    else await claimInstallationSecret(database.db, secretFor(env));
  } catch (error) {
    await database.close();
    throw error;
  }
  if (options.loadDemoIfEmpty && (await countSummary(database.db)).cases === 0) {
    await loadDemo(env, database);
  }
  // A morning's managers ask the same figures: answered from memory until the data changes.
  enableMetricCache(database);
  // …and computed a few at a time (unless turned off), so that pages and writes find a connection.
  const concurrency = env.SAMSYN_METRIC_CONCURRENCY;
  if (concurrency !== undefined) queueMetricComputations(database, concurrency);
  const readDatabase = await openReadReplica(env);
  if (readDatabase !== undefined) {
    enableMetricCache(readDatabase);
    if (concurrency !== undefined) queueMetricComputations(readDatabase, concurrency);
  }
  const dashboardDir = env.SAMSYN_DASHBOARD_DIR
    ? userPath(env, env.SAMSYN_DASHBOARD_DIR)
    : fileURLToPath(new URL("../../../dashboard/dist", import.meta.url));
  const logger = createLogger();
  // Metric reads are audited in batches after their answers: closed below, before the database.
  const auditBuffer = createAuditBuffer(database, logger);
  const app = createApp(
    {
      database,
      ...(readDatabase === undefined ? {} : { readDatabase }),
      secret: secretFor(env),
      k: env.SAMSYN_K,
      disclosure: env.SAMSYN_DISCLOSURE,
    },
    {
      dashboardDir,
      auth,
      logger,
      auditBuffer,
      http: httpSettingsFromEnv(env),
      // Several instances on one PostgreSQL count each user's requests together.
      sharedRateLimits: database.kind === "postgres",
    },
  );
  const counts = await countSummary(database.db);
  const listen = { fetch: app.fetch, port: env.PORT, hostname: env.HOST, ...nodeServerOptions() };
  const server = serve(listen, (info) => {
    const url = `http://localhost:${info.port}`;
    console.log(t("cli.serving", { url, kind: database.kind, cases: formatCount(counts.cases) }));
  });
  await new Promise<void>((resolveStop) => {
    // The server waits for its open connections: live board streams end first (their clients
    // reconnect, to another instance or after the restart, with Last-Event-ID).
    const stop = () => {
      console.error(t("cli.stopping", { seconds: shutdownDeadlineMs / 1000 }));
      drainThenClose(server as Server, () => resolveStop());
      void closeLiveBoards(database);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await auditBuffer.close();
  await readDatabase?.close();
  await database.close();
  // A statement the deadline cut may still wait in PostgreSQL (on a lock, say): its socket stays
  // half-closed until the server notices, and would keep the process alive with nothing to do.
  setTimeout(() => process.exit(), 1_000).unref();
  return 0;
}

/**
 * How long SIGTERM lets the requests in flight finish. An orchestrator kills a process that
 * outlasts its grace period (Kubernetes: 30 s), which would skip closing the audit buffer and
 * the database: cutting the stragglers first keeps that work inside the period.
 */
const shutdownDeadlineMs = 10_000;

/**
 * Stops taking connections and lets each request in flight end with its answer. Node's
 * `close` ends only the connections idle at that moment; one that answers later would stay
 * open for its keep-alive, so idle ones are closed as they come, until none is left or the
 * deadline cuts the rest.
 */
function drainThenClose(server: Server, closed: () => void): void {
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  const deadline = setTimeout(() => {
    console.error(t("cli.stop_deadline", { seconds: shutdownDeadlineMs / 1000 }));
    server.closeAllConnections();
  }, shutdownDeadlineMs);
  server.close(() => {
    clearInterval(idle);
    clearTimeout(deadline);
    closed();
  });
}

async function loadDemo(env: Env, database: Database): Promise<void> {
  console.error(t("cli.demo_loading", { cases: formatCount(env.SAMSYN_DEMO_CASES) }));
  const dir = await mkdtemp(join(tmpdir(), "samsyn-demo-"));
  try {
    // Five years up to today: the dashboard's pages show the county as of today by default, and
    // a county that ended years ago would show every open case as stuck. (`demo-data` keeps its
    // fixed date, so that its files depend on the seed alone.)
    const today = stockholmDate(Date.now());
    await writeDemo(dir, PRELOADED_DEMO_SEED, env.SAMSYN_DEMO_CASES, today);
    if (!(await runImport(env, database, dir))) throw new Error("demo import failed");
    console.error(t("cli.demo_register_loading"));
    const agreements = await loadDemoRegister(database, today);
    console.error(t("cli.demo_register_loaded", { agreements: formatCount(agreements) }));
    console.error(t("cli.demo_forums_loading"));
    const loaded = await loadDemoForums(database, today);
    console.error(
      t("cli.demo_forums_loaded", {
        forums: formatCount(loaded.forums),
        escalations: formatCount(loaded.escalations),
      }),
    );
    console.error(t("cli.demo_evaluations_loading"));
    const evaluated = await loadDemoEvaluations(database, secretFor(env), today);
    console.error(
      t("cli.demo_evaluations_loaded", {
        sessions: formatCount(evaluated.sessions),
        actions: formatCount(evaluated.actions),
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function withDatabase(
  env: Env,
  work: (database: Database) => Promise<number>,
): Promise<number> {
  const database = await openDatabase(env);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

function openDatabase(env: Env): Promise<Database> {
  return createDb(
    env.DATABASE_URL !== undefined
      ? { databaseUrl: env.DATABASE_URL }
      : { dataDir: userPath(env, env.SAMSYN_DATA_DIR) },
  );
}

/**
 * The replica of DATABASE_READ_URL, if set (env.ts refuses it without DATABASE_URL). Its pool
 * is named `samsyn-read`, so that `pg_stat_activity` on either server tells the pools apart.
 */
function openReadReplica(env: Env): Promise<Database | undefined> {
  if (env.DATABASE_READ_URL === undefined) return Promise.resolve(undefined);
  return createDb({ databaseUrl: env.DATABASE_READ_URL, applicationName: "samsyn-read" });
}

function secretFor(env: Env): string {
  return resolveSecret({
    secret: env.SAMSYN_SECRET,
    dataDir: userPath(env, env.SAMSYN_DATA_DIR),
    production: env.NODE_ENV === "production",
  });
}

function positiveInt(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new CliError(t("cli.not_a_number", { option }));
  return Number(value);
}

/** A mistake of the user's: printed as one line, no stack. */
class CliError extends Error {}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof DataDirUnwritable) {
      const key = err.reason === "full" ? "cli.data_dir_full" : "cli.data_dir_read_only";
      console.error(t("cli.failed", { message: t(key, { dir: err.dir }) }));
      process.exitCode = 1;
      return;
    }
    if (isDiskFull(err)) {
      // PostgreSQL's words name a file of its own ("could not extend file base/5/25572").
      console.error(t("cli.failed", { message: t("error.disk_full") }));
      process.exitCode = 1;
      return;
    }
    if (isDatabaseUnavailable(err)) {
      // The driver's own words ("write CONNECTION_CLOSED 127.0.0.1:5432") are not for a user.
      console.error(t("cli.failed", { message: t("error.database_unavailable") }));
      process.exitCode = 1;
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    const code = (err as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      console.error(t("cli.bad_option", { message }));
      process.exitCode = 2;
      return;
    }
    console.error(t("cli.failed", { message }));
    process.exitCode = err instanceof CliError ? 2 : 1;
  },
);
