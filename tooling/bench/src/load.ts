import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createProgressReporter, importStepReporter } from "@samsyn/api/progress";
import { createDb, type Database, importDirectory, migrate, migrationsFolder } from "@samsyn/db";
import { t } from "@samsyn/domain";
import type { Dataset } from "./dataset";
import { moduleClosureHash, sourceHash } from "./fingerprint";
import { sampleRss } from "./memory";
import type { BenchTarget } from "./options";
import { pgliteDir } from "./paths";
import { numberAt, rawQuery } from "./raw-sql";

/** The installation secret of the benchmark's databases: synthetic data, so a fixed one will do. */
export const benchSecret = "samsyn-bench-secret-for-synthetic-data-only";

/** What the import of a dataset cost, kept with the database so a reuse can still report it. */
export interface ImportFigures {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly startRssBytes: number;
  readonly peakRssBytes: number;
  /** When it was measured (ISO 8601): a reused database reports the figures of its load. */
  readonly measuredAt: string;
}

/** Stored beside a loaded database: the data it holds and what loading it cost. */
interface Stamp {
  readonly fingerprint: string;
  readonly import: ImportFigures;
}

export interface LoadedDatabase {
  readonly database: Database;
  readonly reused: boolean;
  readonly importFigures: ImportFigures;
  readonly sizeBytes: number;
}

export interface LoadSettings {
  readonly fresh: boolean;
  /** The PostgreSQL server (DATABASE_URL); the bench database is created beside its database. */
  readonly serverUrl: string | undefined;
}

/**
 * A database of `target` holding exactly `dataset`, loaded through `importDirectory` unless an
 * earlier run left one with the same data, migrations and importer (and `--fresh` is not set).
 */
export async function openLoaded(
  target: BenchTarget,
  dataset: Dataset,
  settings: LoadSettings,
): Promise<LoadedDatabase> {
  const fingerprint = await databaseFingerprint(dataset);
  const loaded =
    target === "postgres"
      ? await openPostgres(requireServer(settings.serverUrl), dataset, fingerprint, settings.fresh)
      : await openPglite(dataset, fingerprint, settings.fresh);
  const [row] = await rawQuery(
    loaded.database,
    "SELECT pg_database_size(current_database()) AS bytes",
  );
  return { ...loaded, sizeBytes: numberAt(row, "bytes") };
}

/**
 * The data, the migrations and the importer's code: a database loaded by other code may hold
 * other derived rows, so it is loaded again.
 */
async function databaseFingerprint(dataset: Dataset): Promise<string> {
  const migrations = await sourceHash([migrationsFolder]);
  const importer = await moduleClosureHash(join(migrationsFolder, "../src/import/index.ts"));
  return `${dataset.cases}-${dataset.seed}-${dataset.generator}-${migrations}-${importer}`;
}

function requireServer(serverUrl: string | undefined): string {
  if (serverUrl === undefined) throw new Error(t("bench.no_database_url"));
  return serverUrl;
}

type Opened = Omit<LoadedDatabase, "sizeBytes">;

async function openPostgres(
  serverUrl: string,
  dataset: Dataset,
  fingerprint: string,
  fresh: boolean,
): Promise<Opened> {
  const name = benchDatabaseName(dataset.cases);
  const server = await createDb({ databaseUrl: serverUrl });
  try {
    const stamp = fresh ? undefined : await readPostgresStamp(server, name);
    if (stamp?.fingerprint === fingerprint) {
      console.error(t("bench.database_reused", { target: "postgres", name }));
      const database = await createDb({ databaseUrl: withDatabase(serverUrl, name) });
      return { database, reused: true, importFigures: stamp.import };
    }
    await rawQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await rawQuery(server, `CREATE DATABASE ${name}`);
    const database = await createDb({ databaseUrl: withDatabase(serverUrl, name) });
    const importFigures = await load(database, dataset, name);
    const comment = JSON.stringify({ fingerprint, import: importFigures } satisfies Stamp);
    await rawQuery(server, `COMMENT ON DATABASE ${name} IS '${comment.replaceAll("'", "''")}'`);
    return { database, reused: false, importFigures };
  } finally {
    await server.close();
  }
}

/** The stamp lives in the database's comment: it goes when the database goes. */
async function readPostgresStamp(server: Database, name: string): Promise<Stamp | undefined> {
  const [row] = await rawQuery(
    server,
    "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1",
    [name],
  );
  return parseStamp(row?.comment);
}

/** The PostgreSQL database `pnpm bench` loads `cases` cases into, beside DATABASE_URL's. */
export function benchDatabaseName(cases: number): string {
  return `samsyn_bench_${cases}`;
}

export function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function openPglite(dataset: Dataset, fingerprint: string, fresh: boolean): Promise<Opened> {
  const dir = pgliteDir(dataset.cases, dataset.seed);
  const stampFile = join(dir, "bench-stamp.json");
  const stamp = fresh ? undefined : parseStamp(await readFile(stampFile, "utf8").catch(() => ""));
  if (stamp?.fingerprint === fingerprint) {
    console.error(t("bench.database_reused", { target: "pglite", name: dir }));
    return {
      database: await createDb({ dataDir: dir }),
      reused: true,
      importFigures: stamp.import,
    };
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const database = await createDb({ dataDir: dir });
  const importFigures = await load(database, dataset, dir);
  await writeFile(stampFile, `${JSON.stringify({ fingerprint, import: importFigures })}\n`);
  return { database, reused: false, importFigures };
}

function parseStamp(text: unknown): Stamp | undefined {
  if (typeof text !== "string" || text === "") return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<Stamp>;
    return typeof parsed.fingerprint === "string" && typeof parsed.import === "object"
      ? (parsed as Stamp)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Migrates and imports, sampling RSS throughout, then VACUUM ANALYZE so that every run starts
 * from fresh statistics and a visibility map (what autovacuum would reach soon after a load).
 */
async function load(database: Database, dataset: Dataset, name: string): Promise<ImportFigures> {
  console.error(t("bench.loading", { target: database.kind, name }));
  await migrate(database);
  const progress = createProgressReporter();
  const rss = sampleRss();
  const started = performance.now();
  const report = await importDirectory(database, {
    dir: dataset.dir,
    secret: benchSecret,
    actor: "bench",
    onProgress: (update) => progress.update(update),
    onStep: importStepReporter(progress),
  });
  const seconds = (performance.now() - started) / 1000;
  const memory = rss.stop();
  progress.done();
  if (!report.ok) throw new Error(t("bench.import_failed", { count: report.errorCount }));
  // PGlite wraps a multi-statement exec in a transaction, where VACUUM may not run: send it alone.
  await rawQuery(database, "VACUUM ANALYZE");
  const events = report.added.events;
  return {
    events,
    seconds,
    eventsPerSecond: events / seconds,
    startRssBytes: memory.startBytes,
    peakRssBytes: memory.peakBytes,
    measuredAt: new Date().toISOString(),
  };
}
