import { mkdir, rm, statfs, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { readDbEnv } from "./env";
import { connectWithoutDelay } from "./postgres-socket";
import * as schema from "./schema";

export type Schema = typeof schema;

/** The drizzle database of either driver: query functions take this and work on both. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

interface DatabaseBase {
  readonly db: Db;
  close(): Promise<void>;
}

/**
 * An open database. The raw client is exposed for what drizzle does not do (bulk COPY in the
 * importer); everything else goes through `db`.
 */
export type Database =
  | (DatabaseBase & { readonly kind: "postgres"; readonly client: postgres.Sql })
  | (DatabaseBase & { readonly kind: "pglite"; readonly client: PGlite });

export interface CreateDbOptions {
  /** PostgreSQL URL; default `DATABASE_URL`. When absent, PGlite is used. */
  readonly databaseUrl?: string;
  /** PGlite's data lives in `<dataDir>/pglite`; `"memory://"` for an in-memory database. */
  readonly dataDir?: string;
  /**
   * PostgreSQL's `application_name` of the pool's connections: `pg_stat_activity` tells the
   * replica pool of `samsyn serve` (`samsyn-read`) from the primary's.
   */
  readonly applicationName?: string;
}

/**
 * Opens the database: an explicit `databaseUrl` wins, then an explicit `dataDir` (PGlite, even
 * when DATABASE_URL is set: tests ask for in-memory PGlite this way), then DATABASE_URL, then
 * PGlite in SAMSYN_DATA_DIR.
 */
export async function createDb(options: CreateDbOptions = {}): Promise<Database> {
  if (options.databaseUrl !== undefined)
    return openPostgres(options.databaseUrl, options.applicationName);
  if (options.dataDir !== undefined) return openPglite(options.dataDir);
  const env = readDbEnv();
  return env.databaseUrl !== undefined ? openPostgres(env.databaseUrl) : openPglite(env.dataDir);
}

/**
 * Bounds on a connect while PostgreSQL is away, so that a request fails (503) in seconds and the
 * pool reconnects within a second of its return. No statement timeout: in an outage the server
 * closes its sockets and postgres.js fails the statements at once, while the import's statements
 * legitimately run for many seconds on a million cases.
 */
const connectTimeoutSeconds = 3;
/**
 * postgres.js waits this long before a connection's next connect. Its default grows with every
 * failed connect (3^n / 100 s, up to 20 s), so after a minute of outage each request, and the
 * first after PostgreSQL's return, waited up to 20 s before even trying. While PostgreSQL is
 * away, each query waiting in the pool costs one connect: a pool of ten refused within 0.1 s
 * answers about a hundred of them a second, and tries no more often than that.
 */
const reconnectBackoffSeconds = (failedConnects: number) => Math.min(0.01 * failedConnects, 0.1);

function openPostgres(url: string, applicationName?: string): Database {
  const options = {
    ...(applicationName === undefined ? {} : { connection: { application_name: applicationName } }),
    // Notices ("already exists, skipping") are noise for a CLI and a test run.
    onnotice: () => {},
    socket: connectWithoutDelay,
    connect_timeout: connectTimeoutSeconds,
    backoff: reconnectBackoffSeconds,
  };
  const client = postgres(url, options);
  keepTransactionsOffLostConnections(client);
  const db: Db = drizzlePostgres({ client, schema });
  return { kind: "postgres", db, client, close: () => client.end({ timeout: 5 }) };
}

type TransactionWork = (tx: postgres.TransactionSql) => unknown;

/**
 * postgres.js 3.4.9 (porsager/postgres#1208, open): when a transaction's connection closes
 * mid-statement, `begin` rejects, but its body's failure still sends ROLLBACK on the closed
 * connection, whose write then throws from a timer and ends the process (TypeError at
 * connection.js:255). PostgreSQL rolls back a transaction whose connection is gone by itself, so
 * a body that failed because the connection was lost is left unsettled instead: `begin` has
 * already rejected with the connection's error, and no ROLLBACK is sent. drizzle's
 * `db.transaction` and the importer both go through `begin`.
 */
function keepTransactionsOffLostConnections(client: postgres.Sql): void {
  const begin = client.begin;
  const guarded = (...args: [TransactionWork] | [string, TransactionWork]) => {
    const [options, work] = args.length === 1 ? ["", args[0]] : args;
    let connectionLost = false;
    const outcome = begin(options, async (tx) => {
      try {
        return await work(tx);
      } catch (error) {
        // A lost connection rejects `outcome` in the same turn as the statements it failed;
        // one turn later it is known whether this failure was that.
        await new Promise((resolve) => setImmediate(resolve));
        if (connectionLost) return new Promise<never>(() => {});
        throw error;
      }
    });
    outcome.catch(() => {
      connectionLost = true;
    });
    return outcome;
  };
  client.begin = guarded as typeof client.begin;
}

async function openPglite(dataDir: string): Promise<Database> {
  const location = dataDir === "memory://" ? dataDir : join(dataDir, "pglite");
  if (location !== "memory://") await mkdir(location, { recursive: true });
  let client: PGlite;
  try {
    client = await PGlite.create(location);
  } catch (error) {
    // PGlite says only "failed to initialize" whatever the cause; the two a person can mend
    // are told apart by a write of our own.
    if (location !== "memory://") await throwIfUnwritable(location);
    throw error;
  }
  keepFailuresOfTransactions(client);
  const db: Db = drizzlePglite({ client, schema });
  return { kind: "pglite", db, client, close: () => client.close() };
}

/** PGlite's data directory cannot be written to: its file system is read-only, or full. */
export class DataDirUnwritable extends Error {
  constructor(
    readonly reason: "read_only" | "full",
    readonly dir: string,
  ) {
    super(`the data directory ${dir} cannot be written to (${reason})`);
  }
}

/**
 * Less room than this, and a start that failed, is a full disk: PGlite writes WAL (16 MB
 * segments) as it starts, the more so when it recovers from a write the disk refused.
 */
const startRoomBytes = 64 << 20;

async function throwIfUnwritable(location: string): Promise<void> {
  const probe = join(location, `.samsyn-write-probe-${process.pid}`);
  try {
    await writeFile(probe, "probe");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EROFS" || code === "EACCES" || code === "EPERM")
      throw new DataDirUnwritable("read_only", location);
    if (code === "ENOSPC" || code === "EDQUOT") throw new DataDirUnwritable("full", location);
    return;
  } finally {
    await rm(probe, { force: true });
  }
  const room = await statfs(location);
  if (room.bavail * room.bsize < startRoomBytes) throw new DataDirUnwritable("full", location);
}

/**
 * PGlite's `transaction` rolls back when its body fails; after a failed COPY (a full disk:
 * 53100) that ROLLBACK fails too ("cannot drop active portal"), and its error replaced the
 * body's, which says what went wrong. The body's error is the one the caller gets.
 */
function keepFailuresOfTransactions(client: PGlite): void {
  const transaction = client.transaction.bind(client);
  client.transaction = async <T>(work: (tx: Transaction) => Promise<T>): Promise<T> => {
    let failure: { error: unknown } | undefined;
    try {
      return await transaction(async (tx) => {
        try {
          return await work(tx);
        } catch (error) {
          failure = { error };
          throw error;
        }
      });
    } catch (error) {
      throw failure === undefined ? error : failure.error;
    }
  };
}
